namespace MdoBot.Domain.Mdo;

/// <summary>One case in the summary: outcome, who does what, time planned versus used.</summary>
/// <param name="Actions">All actions of the case, including declined and reassigned ones.</param>
/// <param name="PlannedMinutes">Time box plus extensions.</param>
/// <param name="UsedSeconds">Time used, to the second.</param>
/// <param name="ExtensionMinutes">The part of <paramref name="PlannedMinutes"/> added by extensions.</param>
public sealed record CaseSummary(
    string CaseId,
    string Code,
    CaseStatus Status,
    string? SharedGoal,
    string? Decisions,
    Participant? CaseLead,
    IReadOnlyList<ActionSummary> Actions,
    int PlannedMinutes,
    int UsedSeconds,
    int ExtensionMinutes = 0)
{
    /// <summary>The original time box, before extensions.</summary>
    public int TimeBoxMinutes => PlannedMinutes - ExtensionMinutes;

    /// <summary>False for a case never started (still planned at close).</summary>
    public bool WasDiscussed => Status != CaseStatus.Planned;

    /// <summary>Used time rounded to the nearest minute, for "planned 20 / used 23 min".</summary>
    public int UsedMinutes => ToMinutes(UsedSeconds);

    internal static int ToMinutes(int seconds) => (int)Math.Round(seconds / 60.0, MidpointRounding.AwayFromZero);
}
