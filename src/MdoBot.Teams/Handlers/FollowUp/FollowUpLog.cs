using Microsoft.Extensions.Logging;

namespace MdoBot.Teams.Handlers.FollowUp;

/// <summary>Log messages of reminders and follow-ups: kinds, verbs and statuses only, never people or case content.</summary>
internal static partial class FollowUpLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Action timer {Kind} sent (late: {Late})")]
    public static partial void TimerSent(ILogger logger, string kind, bool late);

    [LoggerMessage(Level = LogLevel.Information, Message = "Action timer {Kind} skipped: {Reason}")]
    public static partial void TimerSkipped(ILogger logger, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up {Verb} recorded (changed: {Changed})")]
    public static partial void FollowUpRecorded(ILogger logger, string verb, bool changed);
}
