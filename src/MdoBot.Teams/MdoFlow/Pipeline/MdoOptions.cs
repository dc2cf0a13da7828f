
namespace MdoBot.Teams.MdoFlow.Pipeline;

/// <summary>Configuration section <c>Mdo</c>.</summary>
public sealed class MdoOptions
{
    public const string Section = "Mdo";

    /// <summary>Minutes before the end of a time box at which the warning is sent.</summary>
    public int WarningLeadMinutes { get; set; } = 5;

    /// <summary>How often the case card's time line is refreshed while a case runs.</summary>
    public int RefreshMinutes { get; set; } = 5;

    /// <summary>Days after an MDO is closed before its free text is erased (configured as <c>Privacy:RetentionDays</c>).</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Time zone for dates and times shown on cards.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>How many days before an action's due date its owner gets a reminder (0 = none).</summary>
    public int ReminderDaysBefore { get; set; } = 2;

    /// <summary>The local hour (0–23, in <see cref="TimeZone"/>) at which reminders and overdue reports are sent.</summary>
    public int ReminderHour { get; set; } = 9;

    /// <summary>Public https base URL of MdoBot (for the in-meeting notification bubble page); optional.</summary>
    public string? PublicBaseUrl { get; set; }

    public TimeZoneInfo ResolveTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var tz) ? tz : TimeZoneInfo.Utc;
}
