namespace MdoBot.Domain.Mdo;

/// <summary>The limits the MDO enforces, for validation messages and card input hints.</summary>
public static class MdoLimits
{
    public const int TitleMaxLength = 200;
    public const int CodeMaxLength = 40;
    public const int QuestionMaxLength = 1000;
    public const int FamilyViewMaxLength = 1000;
    public const int GoalMaxLength = 2000;
    public const int DecisionsMaxLength = 2000;
    public const int ActionDescriptionMaxLength = 500;
    public const int DeclineReasonMaxLength = 500;

    public const int DefaultTimeBoxMinutes = 20;
    public const int MinTimeBoxMinutes = 5;
    public const int MaxTimeBoxMinutes = 60;
    public const int MinExtendMinutes = 1;
    public const int MaxExtendMinutes = 30;
    public const int MinMeetingMinutes = 15;
    public const int MaxMeetingMinutes = 480;

    /// <summary>Keeps agenda and summary cards well under the Teams card size limit.</summary>
    public const int MaxCases = 30;
    public const int MaxActionsPerCase = 50;
    public const int MaxChairs = 20;

    /// <summary>How many participants' languages an MDO remembers.</summary>
    public const int MaxRememberedLanguages = 200;

    /// <summary>How long before the end of a time box the warning comes, by default.</summary>
    public static readonly TimeSpan DefaultWarningLead = TimeSpan.FromMinutes(5);
}
