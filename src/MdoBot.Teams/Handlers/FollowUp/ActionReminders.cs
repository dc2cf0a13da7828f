using System.Text.Json;
using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Storage;
using MdoBot.Teams.MdoFlow.Pipeline;

namespace MdoBot.Teams.Handlers.FollowUp;

/// <summary>
/// The stored timers of a confirmed action, all at <see cref="MdoOptions.ReminderHour"/> local time:
/// a reminder <see cref="MdoOptions.ReminderDaysBefore"/> days before the due date, one on the due
/// date, and the overdue report the day after. Moments already past are skipped.
/// </summary>
public static class ActionReminders
{
    public const string Reminder = "action.reminder";
    public const string Due = "action.due";
    public const string Overdue = "action.overdue";

    public static string ReminderKey(string mdoId, string actionId) => $"remind:{mdoId}:{actionId}";

    public static string DueKey(string mdoId, string actionId) => $"due:{mdoId}:{actionId}";

    public static string OverdueKey(string mdoId, string actionId) => $"overdue:{mdoId}:{actionId}";

    /// <summary>Schedules the timers of a just-confirmed action.</summary>
    public static void Schedule(MdoContext ctx, MdoAction action)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(action);
        var mdo = ctx.Mdo;
        var payload = JsonSerializer.Serialize(new ReminderPayload(mdo.Id, action.Id));
        void Add(string key, string kind, DateTimeOffset at)
        {
            if (at > ctx.Now)
            {
                ctx.Turn.Changes.Schedule(new TimerRecord(key, kind, at, mdo.ConversationId, payload));
            }
        }

        if (ctx.Options.ReminderDaysBefore > 0)
        {
            Add(ReminderKey(mdo.Id, action.Id), Reminder, At(action.DueDate.AddDays(-ctx.Options.ReminderDaysBefore), ctx));
        }

        Add(DueKey(mdo.Id, action.Id), Due, DueAt(action, ctx));
        Add(OverdueKey(mdo.Id, action.Id), Overdue, OverdueAt(action, ctx));
    }

    /// <summary>Cancels whatever is left of an action's timers (it is done or dropped).</summary>
    public static void Cancel(ChangeSet changes, string mdoId, string actionId)
    {
        ArgumentNullException.ThrowIfNull(changes);
        changes.CancelTimer(ReminderKey(mdoId, actionId));
        changes.CancelTimer(DueKey(mdoId, actionId));
        changes.CancelTimer(OverdueKey(mdoId, actionId));
    }

    public static DateTimeOffset DueAt(MdoAction action, MdoContext ctx)
    {
        ArgumentNullException.ThrowIfNull(action);
        return At(action.DueDate, ctx);
    }

    public static DateTimeOffset OverdueAt(MdoAction action, MdoContext ctx)
    {
        ArgumentNullException.ThrowIfNull(action);
        return At(action.DueDate.AddDays(1), ctx);
    }

    /// <summary>ReminderHour on <paramref name="date"/> in the MDO's time zone (moved past a daylight-saving gap).</summary>
    public static DateTimeOffset At(DateOnly date, MdoContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return At(date, ctx.Options.ReminderHour, ctx.TimeZone);
    }

    public static DateTimeOffset At(DateOnly date, int hour, TimeZoneInfo tz)
    {
        ArgumentNullException.ThrowIfNull(tz);
        var local = date.ToDateTime(new TimeOnly(Math.Clamp(hour, 0, 23), 0));
        while (tz.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, tz.GetUtcOffset(local));
    }
}

/// <summary>Which action an action timer is about.</summary>
public sealed record ReminderPayload(string MdoId, string ActionId);
