using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.FollowUp;
using Microsoft.Extensions.Logging;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.Handlers.FollowUp;

/// <summary>
/// Done on a reminder card (owner or chair, also after Close): marks the action done, stops its
/// reminders, updates its cards in the meeting chat and answers with the "done" reminder card.
/// Pressed again, or after it was dropped, it just shows the current state.
/// </summary>
public sealed class MarkActionDoneHandler(MdoContextFactory factory, OrganizerCheck organizers, ILogger<MarkActionDoneHandler> logger)
    : MdoVerbHandler<ActionCardData>(factory, organizers)
{
    public override string Verb => CardVerbs.MarkActionDone;

    protected override string? MdoIdOf(ActionCardData data) => data.MdoId;

    protected override Task ExecuteAsync(MdoContext ctx, ActionCardData data, CancellationToken ct)
    {
        var action = ctx.Mdo.FindAction(data.ActionId) ?? throw new MdoRuleException(MdoError.NotFound, "Action not found.");
        if (!MdoPolicy.CanMarkDone(ctx.Mdo, action, ctx.Turn.UserId))
        {
            ctx.Turn.Reply(ActionOutcome.OnlyOwnerOrChair(ctx, action));
            return Task.CompletedTask;
        }

        var changed = action.Status == ActionStatus.Confirmed && ctx.Mdo.MarkActionDone(ctx.Actor, action.Id, ctx.Now);
        if (changed)
        {
            ActionOutcome.Record(ctx, action, "action.done");
        }

        FollowUpLog.FollowUpRecorded(logger, Verb, changed);
        var caseCode = ctx.Mdo.FindCase(action.CaseId)?.Code ?? string.Empty;
        ctx.Turn.ReplyCard(ReminderCard.Build(ctx.Mdo, action, caseCode, ReminderKind.BeforeDue, ctx.PersonalLanguage, ctx.TimeZone));
        return Task.CompletedTask;
    }
}
