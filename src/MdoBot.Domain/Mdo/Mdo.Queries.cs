namespace MdoBot.Domain.Mdo;

/// <summary>Read-only questions about the MDO, for cards and handlers.</summary>
public sealed partial class Mdo
{
    /// <summary>The case being discussed, or null (not started, between/after cases, closed).</summary>
    public MdoCase? CurrentCase => CurrentCaseId is null ? null : FindCase(CurrentCaseId);

    /// <summary>The first planned case in agenda order: the one that "next case" makes current.</summary>
    public MdoCase? NextPlannedCase => _cases.Find(c => c.Status == CaseStatus.Planned);

    public bool IsChair(string? userId) => MdoPolicy.IsChair(this, userId);

    public MdoCase? FindCase(string? caseId) =>
        caseId is null ? null : _cases.Find(c => string.Equals(c.Id, caseId, StringComparison.Ordinal));

    public MdoAction? FindAction(string? actionId) =>
        actionId is null
            ? null
            : _cases.SelectMany(c => c.Actions).FirstOrDefault(a => string.Equals(a.Id, actionId, StringComparison.Ordinal));

    /// <summary>All actions of all cases, in agenda then creation order.</summary>
    public IEnumerable<MdoAction> AllActions => _cases.SelectMany(c => c.Actions);

    /// <summary>The clock of the current case, or null when no case is current.</summary>
    /// <param name="warningLead">How long before the end to warn (default 5 minutes).</param>
    public CaseClock? CurrentClock(TimeSpan? warningLead = null) =>
        CurrentCase is { StartedAt: { } started } current
            ? new CaseClock(
                current.Id,
                started,
                TimeSpan.FromSeconds(current.UsedSeconds),
                TimeSpan.FromMinutes(current.PlannedMinutes),
                warningLead ?? MdoLimits.DefaultWarningLead)
            : null;

    /// <summary>An immutable snapshot for the summary card. A running case's current stretch is not counted.</summary>
    public MdoSummary Summary()
    {
        var cases = _cases.Select(c => new CaseSummary(
            c.Id,
            c.Code,
            c.Status,
            c.SharedGoal,
            c.Decisions,
            c.CaseLead,
            [.. c.Actions.Select(a => ActionSummary.Of(a, c.Code))],
            c.PlannedMinutes,
            c.UsedSeconds,
            c.ExtensionMinutes)).ToArray();
        return new MdoSummary(
            Id,
            Title,
            State,
            StartedAt,
            ClosedAt,
            cases,
            [.. cases.SelectMany(c => c.Actions).Where(a => a.IsUnconfirmed)]);
    }
}
