namespace MdoBot.Domain.Mdo;

/// <summary>The summary card's model: immutable, detached from the aggregate.</summary>
/// <param name="UnconfirmedActions">Proposed or declined (not reassigned) actions, to flag.</param>
public sealed record MdoSummary(
    string MdoId,
    string Title,
    MdoState State,
    DateTimeOffset? StartedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<CaseSummary> Cases,
    IReadOnlyList<ActionSummary> UnconfirmedActions)
{
    public int PlannedMinutes => Cases.Sum(c => c.PlannedMinutes);

    /// <summary>The agenda's original time boxes, before extensions.</summary>
    public int TimeBoxMinutes => Cases.Sum(c => c.TimeBoxMinutes);

    public int ExtensionMinutes => Cases.Sum(c => c.ExtensionMinutes);

    public int UsedSeconds => Cases.Sum(c => c.UsedSeconds);

    /// <summary>Total used time in minutes, rounded to the nearest minute.</summary>
    public int UsedMinutes => CaseSummary.ToMinutes(UsedSeconds);
}
