using MdoBot.Teams.Cards;
using MdoBot.Teams.Handlers.FollowUp;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.Handlers.Agenda;

/// <summary>Adds a case; a returning case added without a family view carries over the one from last time.</summary>
public sealed class AddCaseHandler(MdoContextFactory factory, OrganizerCheck organizers, FollowUpLookup lookup) : AgendaHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.AddCase;

    protected override async Task ExecuteAsync(MdoContext ctx, AgendaActionData data, CancellationToken ct)
    {
        var draft = Draft(ctx, data);
        if (new[] { data.FamilyWants, data.FamilyCan, data.FamilyNeeds }.All(string.IsNullOrWhiteSpace)
            && await lookup.LastFamilyViewAsync(ctx.Mdo, draft.Code, ct) is { } earlier)
        {
            draft = draft with { FamilyView = earlier };
        }

        var added = ctx.Mdo.AddCase(ctx.Actor, draft, data.AgendaVersion);
        Done(ctx, "agenda.caseAdded", added.Id);
    }
}

public sealed class SaveCaseHandler(MdoContextFactory factory, OrganizerCheck organizers) : AgendaHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.SaveCase;

    protected override Task ExecuteAsync(MdoContext ctx, AgendaActionData data, CancellationToken ct)
    {
        ctx.Mdo.EditCase(ctx.Actor, data.CaseId ?? string.Empty, Draft(ctx, data), data.AgendaVersion);
        Done(ctx, "agenda.caseEdited", data.CaseId);
        return Task.CompletedTask;
    }
}

public sealed class RemoveCaseHandler(MdoContextFactory factory, OrganizerCheck organizers) : AgendaHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.RemoveCase;

    protected override Task ExecuteAsync(MdoContext ctx, AgendaActionData data, CancellationToken ct)
    {
        ctx.Mdo.RemoveCase(ctx.Actor, data.CaseId ?? string.Empty, data.AgendaVersion);
        Done(ctx, "agenda.caseRemoved", data.CaseId);
        return Task.CompletedTask;
    }
}

public sealed class MoveCaseHandler(MdoContextFactory factory, OrganizerCheck organizers) : AgendaHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.MoveCase;

    protected override Task ExecuteAsync(MdoContext ctx, AgendaActionData data, CancellationToken ct)
    {
        var caseId = data.CaseId ?? string.Empty;
        var index = ctx.Mdo.Cases.ToList().FindIndex(c => c.Id == caseId);
        var target = data.Direction == "up" ? index - 1 : index + 1;
        ctx.Mdo.MoveCase(ctx.Actor, caseId, Math.Clamp(target, 0, Math.Max(0, ctx.Mdo.Cases.Count - 1)), data.AgendaVersion);
        Done(ctx, "agenda.caseMoved", caseId);
        return Task.CompletedTask;
    }
}
