using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.BotFramework.Protocol;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;
using MdoBot.Teams.MdoFlow.Lifecycle;

namespace MdoBot.Teams.Handlers.Agenda;

/// <summary>Shows the edit form of one case in the editor (no change).</summary>
public sealed class EditCaseFormHandler(MdoContextFactory factory, OrganizerCheck organizers) : AgendaHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.EditCaseForm;

    protected override Task ExecuteAsync(MdoContext ctx, AgendaActionData data, CancellationToken ct)
    {
        MdoPolicy.DemandChair(ctx.Mdo, ctx.Actor);
        ctx.Turn.ReplyCard(ctx.Editor(data.CaseId).Card);
        return Task.CompletedTask;
    }
}

public sealed class SetMeetingLengthHandler(MdoContextFactory factory, OrganizerCheck organizers) : AgendaHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.SetMeetingLength;

    protected override Task ExecuteAsync(MdoContext ctx, AgendaActionData data, CancellationToken ct)
    {
        ctx.Mdo.SetMeetingLength(ctx.Actor, data.MeetingLength ?? 0);
        Done(ctx, "agenda.lengthSet");
        return Task.CompletedTask;
    }
}

/// <summary>Sends the editor to the chair's 1:1 chat with MdoBot, to prepare in private.</summary>
public sealed class PrepareInPrivateHandler(MdoContextFactory factory, OrganizerCheck organizers) : AgendaHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.PrepareInPrivate;

    protected override Task ExecuteAsync(MdoContext ctx, AgendaActionData data, CancellationToken ct)
    {
        MdoPolicy.DemandChair(ctx.Mdo, ctx.Actor);
        ctx.Turn.SendPersonal(ctx.Actor.Id, Activity.CreateCard(ctx.Editor().Card));
        ctx.Turn.Reply(ctx.PersonalLanguage.Text("Agenda.iSentTheAgendaToYour"));
        return Task.CompletedTask;
    }
}

/// <summary>Posts (or refreshes) the agenda in the meeting chat.</summary>
public sealed class PublishHandler(MdoContextFactory factory, OrganizerCheck organizers, IPostedCards posted) : AgendaHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.Publish;

    protected override async Task ExecuteAsync(MdoContext ctx, AgendaActionData data, CancellationToken ct)
    {
        MdoPolicy.DemandChair(ctx.Mdo, ctx.Actor);
        await MeetingFlow.PostOrUpdateLiveAgendaAsync(ctx, posted, ct);
        ctx.Turn.Reply(ctx.PersonalLanguage.Text("Agenda.theAgendaIsPostedInThe"));
    }
}
