using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.MdoFlow.Pipeline;

namespace MdoBot.Teams.Handlers.FollowUp;

/// <summary>After an action was marked done or dropped: store it, stop its reminders, update its cards in the meeting chat.</summary>
internal static class ActionOutcome
{
    public static void Record(MdoContext ctx, MdoAction action, string auditAction)
    {
        ctx.Save(auditAction, action.CaseId);
        ActionReminders.Cancel(ctx.Turn.Changes, ctx.Mdo.Id, action.Id);
        ctx.UpdateActionCard(action);
        if (ctx.Mdo.FindCase(action.CaseId) is { } c)
        {
            ctx.UpdateCaseCard(c);
        }
    }

    /// <summary>"Only X or the chair can …" — for someone who is neither the owner nor a chair.</summary>
    public static string OnlyOwnerOrChair(MdoContext ctx, MdoAction action) => ctx.PersonalLanguage.Text("FollowUp.onlyOrTheChairCanUpdate", ("ownerName", action.Owner.Name));
}
