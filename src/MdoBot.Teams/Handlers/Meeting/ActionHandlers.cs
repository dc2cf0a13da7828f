using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Handlers.FollowUp;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.Handlers.Meeting;

public abstract class ActionHandlerBase(MdoContextFactory factory, OrganizerCheck organizers) : ICardVerbHandler
{
    private readonly MdoVerbPipeline<ActionCardData> _pipeline = new(factory, organizers);

    public abstract string Verb { get; }

    public Task HandleAsync(TurnContext turn, CardVerbData data, CancellationToken ct) =>
        _pipeline.RunAsync(turn, data, new MdoVerbSteps<ActionCardData>(d => d.MdoId, ExecuteAsync) { ShowFresh = ShowFresh, OwnerName = OwnerName }, ct);

    /// <summary>Runs the domain operation first, then records effects; throws MdoRuleException when refused.</summary>
    protected abstract Task ExecuteAsync(MdoContext ctx, ActionCardData data, CancellationToken ct);

    protected string? OwnerName(MdoContext ctx, ActionCardData data) => ctx.Mdo.FindAction(data.ActionId)?.Owner.Name;

    protected void ShowFresh(MdoContext ctx, ActionCardData data)
    {
        if (ctx.Mdo.FindAction(data.ActionId) is { } a)
        {
            ctx.UpdateActionCard(a);
        }
    }

    /// <summary>After a response: the action card shows the result for everyone; the case card follows.</summary>
    protected static void Done(MdoContext ctx, MdoAction action, bool changed, string auditAction)
    {
        var card = changed ? ctx.UpdateActionCard(action) : ctx.ActionCardFor(action).Card;
        if (changed)
        {
            ctx.Save(auditAction, action.CaseId);
            if (ctx.Mdo.FindCase(action.CaseId) is { } c)
            {
                ctx.UpdateCaseCard(c);
            }
        }

        ctx.Turn.ReplyCard(card, alreadyUpdatedForAll: true);
    }
}

public sealed class ConfirmActionHandler(MdoContextFactory factory, OrganizerCheck organizers) : ActionHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.ConfirmAction;

    protected override Task ExecuteAsync(MdoContext ctx, ActionCardData data, CancellationToken ct)
    {
        var changed = ctx.Mdo.ConfirmAction(ctx.Actor, data.ActionId, ctx.Now);
        var action = ctx.Mdo.FindAction(data.ActionId)!;
        Done(ctx, action, changed, "action.confirmed");
        if (changed)
        {
            ActionReminders.Schedule(ctx, action);
        }

        return Task.CompletedTask;
    }
}

public sealed class DeclineActionHandler(MdoContextFactory factory, OrganizerCheck organizers) : ActionHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.DeclineAction;

    protected override Task ExecuteAsync(MdoContext ctx, ActionCardData data, CancellationToken ct)
    {
        var changed = ctx.Mdo.DeclineAction(ctx.Actor, data.ActionId, data.DeclineReason ?? string.Empty, ctx.Now);
        var action = ctx.Mdo.FindAction(data.ActionId)!;
        Done(ctx, action, changed, "action.declined");
        if (changed)
        {
            var chair = ctx.Mdo.Chairs[0];
            ctx.Turn.SendCardTo(ctx.MdoConversation, NoticeCardFor(ctx, action, chair));
        }

        return Task.CompletedTask;
    }

    private static BotFramework.Cards.AdaptiveCard NoticeCardFor(MdoContext ctx, MdoAction action, Participant chair) =>
        Cards.Mdo.NoticeCard.Build(
            ctx.Language.Text("Meeting.actionBackToTheChair"),
            ctx.Language.Text("Meeting.cantDoThisActionPleaseChoose", ("ownerName", action.Owner.Name), ("chairName", chair.Name)),
            ctx.Language);
}
