using MdoBot.Teams.Cards;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Repositories;
using MdoBot.Teams.MdoFlow.Lookups;
using MdoBot.Teams.MdoFlow.Lifecycle;

namespace MdoBot.Teams.Handlers.Agenda;

public sealed class AddCaseHandler(MdoContextFactory factory, OrganizerCheck organizers) : AgendaHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.AddCase;

    protected override Task ExecuteAsync(MdoContext ctx, AgendaActionData data, CancellationToken ct)
    {
        var added = ctx.Mdo.AddCase(ctx.Actor, Draft(ctx, data), data.AgendaVersion);
        Done(ctx, "agenda.caseAdded", added.Id);
        return Task.CompletedTask;
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
