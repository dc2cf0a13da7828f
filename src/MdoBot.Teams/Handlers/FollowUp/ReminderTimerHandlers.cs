using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.FollowUp;
using MdoBot.BotFramework.Protocol;
using Microsoft.Extensions.Logging;
using MdoBot.Teams.MdoFlow.Pipeline;

namespace MdoBot.Teams.Handlers.FollowUp;

/// <summary>Reminds the owner in a 1:1 chat some days before the due date (skipped once the due date's reminder is due).</summary>
public sealed class ReminderTimerHandler(MdoContextFactory factory, ILogger<ReminderTimerHandler> logger) : ActionTimerHandler(factory, logger)
{
    public override string Kind => ActionReminders.Reminder;

    protected override bool Fire(MdoContext ctx, MdoAction action, MdoCase c)
    {
        if (ctx.Now >= ActionReminders.DueAt(action, ctx))
        {
            return false;
        }

        OwnerReminder.Send(ctx, action, c, ReminderKind.BeforeDue);
        Audit(ctx, "action.reminderSent", c);
        return true;
    }
}

/// <summary>Reminds the owner in a 1:1 chat on the due date (skipped once the overdue report is due).</summary>
public sealed class DueTimerHandler(MdoContextFactory factory, ILogger<DueTimerHandler> logger) : ActionTimerHandler(factory, logger)
{
    public override string Kind => ActionReminders.Due;

    protected override bool Fire(MdoContext ctx, MdoAction action, MdoCase c)
    {
        if (ctx.Now >= ActionReminders.OverdueAt(action, ctx))
        {
            return false;
        }

        OwnerReminder.Send(ctx, action, c, ReminderKind.DueToday);
        Audit(ctx, "action.dueReminderSent", c);
        return true;
    }
}

/// <summary>Reports a confirmed action past its due date to the case lead — or, without one, the first chair — once.</summary>
public sealed class OverdueTimerHandler(MdoContextFactory factory, ILogger<OverdueTimerHandler> logger) : ActionTimerHandler(factory, logger)
{
    public override string Kind => ActionReminders.Overdue;

    protected override bool Fire(MdoContext ctx, MdoAction action, MdoCase c)
    {
        var recipient = c.CaseLead ?? ctx.Mdo.Chairs[0];
        var lang = ctx.LanguageOf(recipient.Id);
        var card = OverdueCard.Build(ctx.Mdo, action, c.Code, toChair: c.CaseLead is null, lang);
        ctx.Turn.SendPersonal(recipient.Id, Activity.CreateCard(card, lang.Text("FollowUp.actionNotFinishedOnTime")));
        Audit(ctx, "action.overdueReported", c);
        return true;
    }
}

/// <summary>The reminder card, to the owner's 1:1 chat (created when needed).</summary>
internal static class OwnerReminder
{
    public static void Send(MdoContext ctx, MdoAction action, MdoCase c, ReminderKind kind)
    {
        var lang = ctx.LanguageOf(action.Owner.Id);
        var card = ReminderCard.Build(ctx.Mdo, action, c.Code, kind, lang, ctx.TimeZone);
        ctx.Turn.SendPersonal(action.Owner.Id, Activity.CreateCard(card, lang.Text("FollowUp.reminderOfYourAction")));
    }
}
