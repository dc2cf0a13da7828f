using MdoBot.BotFramework.Routing;
using System.Globalization;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.Handlers.Meeting;

public abstract class CaseHandlerBase(MdoContextFactory factory, OrganizerCheck organizers) : ICardVerbHandler
{
    private readonly MdoVerbPipeline<CaseActionData> _pipeline = new(factory, organizers);

    public abstract string Verb { get; }

    public Task HandleAsync(TurnContext turn, CardVerbData data, CancellationToken ct) =>
        _pipeline.RunAsync(turn, data, new MdoVerbSteps<CaseActionData>(d => d.MdoId, ExecuteAsync) { ShowFresh = ShowFresh }, ct);

    /// <summary>Runs the domain operation first, then records effects; throws MdoRuleException when refused.</summary>
    protected abstract Task ExecuteAsync(MdoContext ctx, CaseActionData data, CancellationToken ct);

    protected void ShowFresh(MdoContext ctx, CaseActionData data)
    {
        if (ctx.Mdo.FindCase(data.CaseId) is { } c)
        {
            ctx.UpdateCaseCard(c);
        }
    }

    protected static MdoCase CaseOf(MdoContext ctx, CaseActionData data) =>
        ctx.Mdo.FindCase(data.CaseId) ?? throw new MdoRuleException(MdoError.NotFound, "case not found");

    protected static Participant Member(MdoContext ctx, string? id, string field) =>
        MemberDirectory.Find(ctx.Members, id) ?? throw new MdoRuleException(MdoError.InvalidInput, "unknown member", field);

    /// <summary>Saves, updates the case card for everyone and answers it to the acting user.</summary>
    protected static void Done(MdoContext ctx, MdoCase c, string auditAction)
    {
        ctx.Save(auditAction, c.Id);
        var fresh = ctx.Mdo.FindCase(c.Id)!;
        ctx.Turn.ReplyCard(ctx.UpdateCaseCard(fresh), alreadyUpdatedForAll: true);
    }
}

/// <summary>Records the shared goal, decisions and case lead from the case card.</summary>
public sealed class SaveCaseRecordHandler(MdoContextFactory factory, OrganizerCheck organizers) : CaseHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.SaveCaseRecord;

    protected override Task ExecuteAsync(MdoContext ctx, CaseActionData data, CancellationToken ct)
    {
        var c = CaseOf(ctx, data);
        var lead = string.IsNullOrWhiteSpace(data.CaseLead) ? null : Member(ctx, data.CaseLead, "caseLead");
        MdoPolicy.DemandChair(ctx.Mdo, ctx.Actor);
        ctx.Mdo.RecordGoal(ctx.Actor, c.Id, data.Goal);
        ctx.Mdo.RecordDecisions(ctx.Actor, c.Id, data.Decisions);
        if (lead is not null)
        {
            ctx.Mdo.SetCaseLead(ctx.Actor, c.Id, lead);
        }

        Done(ctx, c, "case.recorded");
        return Task.CompletedTask;
    }
}

/// <summary>Adds an action (who does what, by when) and posts its card, mentioning the owner.</summary>
public sealed class AddActionHandler(MdoContextFactory factory, OrganizerCheck organizers) : CaseHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.AddAction;

    protected override Task ExecuteAsync(MdoContext ctx, CaseActionData data, CancellationToken ct)
    {
        var c = CaseOf(ctx, data);
        MdoPolicy.DemandChair(ctx.Mdo, ctx.Actor);
        var owner = Member(ctx, data.ActionOwner, "owner");
        if (!DateOnly.TryParseExact(data.ActionDue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
        {
            throw new MdoRuleException(MdoError.InvalidInput, "due date missing", "due");
        }

        var action = ctx.Mdo.AddAction(ctx.Actor, c.Id, owner, data.ActionText ?? string.Empty, due, TimeZoneInfo.ConvertTime(ctx.Now, ctx.TimeZone));
        ctx.PostActionCard(action);
        Done(ctx, c, "action.added");
        return Task.CompletedTask;
    }
}

/// <summary>Gives a declined action to a new owner (chair, from the case card).</summary>
public sealed class ReassignActionHandler(MdoContextFactory factory, OrganizerCheck organizers) : CaseHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.ReassignAction;

    protected override Task ExecuteAsync(MdoContext ctx, CaseActionData data, CancellationToken ct)
    {
        var c = CaseOf(ctx, data);
        MdoPolicy.DemandChair(ctx.Mdo, ctx.Actor);
        var inputId = CaseCard.NewOwnerInputId(data.ActionId ?? string.Empty);
        var newOwnerId = ctx.Turn.Activity.Value is { } v ? CaseInputs.Find(v, inputId) ?? data.NewOwner : data.NewOwner;
        var newOwner = Member(ctx, newOwnerId, "owner");
        var fresh = ctx.Mdo.ReassignAction(ctx.Actor, data.ActionId ?? string.Empty, newOwner, ctx.Now);
        ctx.UpdateActionCard(ctx.Mdo.FindAction(data.ActionId)!);
        ctx.PostActionCard(fresh);
        Done(ctx, c, "action.reassigned");
        return Task.CompletedTask;
    }
}
