using System.Text.Json;
using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Storage;

namespace MdoBot.Teams.MdoFlow.Lifecycle;

/// <summary>The stored timers of a running case: warning, time up, and the periodic card refresh.</summary>
public static class MdoClockTimers
{
    public const string Warning = "case.warning";
    public const string TimeUp = "case.timeUp";
    public const string Refresh = "mdo.refresh";

    public static string WarningKey(string mdoId) => $"warn:{mdoId}";

    public static string TimeUpKey(string mdoId) => $"up:{mdoId}";

    public static string RefreshKey(string mdoId) => $"refresh:{mdoId}";

    public static void Sync(ChangeSet changes, Mdo mdo, TimeSpan warningLead, TimeSpan refreshEvery, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(mdo);
        var clock = mdo.State == MdoState.Running ? mdo.CurrentClock(warningLead) : null;
        if (clock is null)
        {
            changes.CancelTimer(WarningKey(mdo.Id));
            changes.CancelTimer(TimeUpKey(mdo.Id));
            if (mdo.State != MdoState.Running)
            {
                changes.CancelTimer(RefreshKey(mdo.Id));
            }

            return;
        }

        var payload = JsonSerializer.Serialize(new ClockPayload(mdo.Id, clock.CaseId, clock.EndsAt));
        if (clock.WarningAt > now)
        {
            changes.Schedule(new TimerRecord(WarningKey(mdo.Id), Warning, clock.WarningAt, mdo.ConversationId, payload));
        }
        else
        {
            changes.CancelTimer(WarningKey(mdo.Id));
        }

        if (clock.EndsAt > now)
        {
            changes.Schedule(new TimerRecord(TimeUpKey(mdo.Id), TimeUp, clock.EndsAt, mdo.ConversationId, payload));
        }
        else
        {
            changes.CancelTimer(TimeUpKey(mdo.Id));
        }

        changes.Schedule(new TimerRecord(RefreshKey(mdo.Id), Refresh, now + refreshEvery, mdo.ConversationId, payload));
    }
}

/// <summary>What a clock timer is about: which case, and the end time it was scheduled for.</summary>
public sealed record ClockPayload(string MdoId, string CaseId, DateTimeOffset EndsAt);
