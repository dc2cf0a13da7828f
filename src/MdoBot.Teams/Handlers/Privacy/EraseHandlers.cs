using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.Teams.Handlers.Meeting;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Repositories;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.Handlers.Privacy;

/// <summary>The chair confirmed: one case's content is erased at once.</summary>
public sealed class EraseCaseHandler(MdoContextFactory factory, OrganizerCheck organizers)
    : MdoVerbHandler<EraseActionData>(factory, organizers)
{
    public override string Verb => CardVerbs.EraseCase;

    protected override string? MdoIdOf(EraseActionData data) => data.MdoId;

    protected override Task ExecuteAsync(MdoContext ctx, EraseActionData data, CancellationToken ct)
    {
        ctx.Mdo.EraseCase(ctx.Actor, data.CaseId ?? string.Empty);
        var erased = ctx.Mdo.FindCase(data.CaseId)!;
        MdoErasure.AfterErase(ctx, [erased], wholeMdo: false, "case.erased");
        ctx.UpdateLiveAgenda();
        ctx.Turn.ReplyCard(NoticeCard.Build(
            ctx.Language.Text("Privacy.deleted"),
            ctx.Language.Text("Privacy.theCasesContentWasDeleted"), ctx.Language));
        return Task.CompletedTask;
    }
}

/// <summary>The chair confirmed: the whole MDO's content is erased at once.</summary>
public sealed class EraseMeetingHandler(MdoContextFactory factory, OrganizerCheck organizers, EvaluationRepository evaluations)
    : MdoVerbHandler<EraseActionData>(factory, organizers)
{
    public override string Verb => CardVerbs.EraseMeeting;

    protected override string? MdoIdOf(EraseActionData data) => data.MdoId;

    protected override async Task ExecuteAsync(MdoContext ctx, EraseActionData data, CancellationToken ct)
    {
        ctx.Mdo.EraseAll(ctx.Actor, ctx.Now);
        MdoErasure.AfterErase(ctx, ctx.Mdo.Cases, wholeMdo: true, "mdo.erased");
        await RetentionTimerHandler.StripCommentsAsync(ctx, evaluations, ct);
        ctx.Turn.ReplyCard(NoticeCard.Build(
            ctx.Language.Text("Privacy.deleted"),
            ctx.Language.Text("Privacy.theContentOfThisMdoWas"), ctx.Language));
    }
}
