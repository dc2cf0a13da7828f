namespace MdoBot.Domain.Mdo;

/// <summary>
/// The time box of the current case, computed (pure) from its start, the time it used before
/// (when resumed), its time box plus extensions, and how long before the end to warn.
/// </summary>
public sealed record CaseClock
{
    public CaseClock(string caseId, DateTimeOffset startedAt, TimeSpan usedBefore, TimeSpan timeBox, TimeSpan warningLead)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeBox, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(warningLead, TimeSpan.Zero);
        CaseId = caseId;
        StartedAt = startedAt;
        UsedBefore = usedBefore;
        TimeBox = timeBox;
        EndsAt = startedAt + timeBox - usedBefore;
        WarningAt = timeBox <= warningLead ? EndsAt - (timeBox / 2) : EndsAt - warningLead;
    }

    public string CaseId { get; }

    /// <summary>When the case (last) became current.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Time the case used in earlier stretches (zero unless resumed).</summary>
    public TimeSpan UsedBefore { get; }

    /// <summary>Time box plus extensions.</summary>
    public TimeSpan TimeBox { get; }

    public DateTimeOffset EndsAt { get; }

    /// <summary>End minus the warning lead; at half time when the time box is not longer than the lead.</summary>
    public DateTimeOffset WarningAt { get; }

    public int PlannedMinutes => (int)TimeBox.TotalMinutes;

    public TimeSpan Elapsed(DateTimeOffset now) => UsedBefore + (now > StartedAt ? now - StartedAt : TimeSpan.Zero);

    /// <summary>Time left; zero once over.</summary>
    public TimeSpan Remaining(DateTimeOffset now) => Max(TimeBox - Elapsed(now), TimeSpan.Zero);

    /// <summary>Time beyond the time box; zero while not over.</summary>
    public TimeSpan Overrun(DateTimeOffset now) => Max(Elapsed(now) - TimeBox, TimeSpan.Zero);

    public bool IsOver(DateTimeOffset now) => now >= EndsAt;

    /// <summary>Past the warning time but not yet over.</summary>
    public bool IsWarning(DateTimeOffset now) => now >= WarningAt && !IsOver(now);

    /// <summary>Whole minutes used (rounded down) of the planned minutes: "12 of 20 min".</summary>
    public int UsedMinutes(DateTimeOffset now) => (int)Math.Floor(Elapsed(now).TotalMinutes);

    public ClockMinutes Minutes(DateTimeOffset now) => new(UsedMinutes(now), PlannedMinutes);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
