namespace MdoBot.Domain.Evaluation;

/// <summary>One MDO in the trend: when it was held, how many answered, the average per question.</summary>
/// <param name="Averages">Only questions someone scored; empty when nobody answered.</param>
public sealed record EvaluationTrendPoint(
    string MdoId,
    DateTimeOffset HeldAt,
    int Count,
    IReadOnlyDictionary<EvaluationQuestion, double> Averages);

/// <summary>The evaluation trend of a series of MDOs, for the coordinator.</summary>
public static class EvaluationTrend
{
    public const int DefaultLast = 10;

    /// <summary>
    /// The last <paramref name="last"/> MDOs by date (the most recent ones), oldest first.
    /// MDOs nobody evaluated are kept (count 0) so the gap shows. Equal dates keep input order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="last"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">An entry's MDO id differs from its set's.</exception>
    public static IReadOnlyList<EvaluationTrendPoint> For(
        IEnumerable<(string MdoId, DateTimeOffset HeldAt, EvaluationSet Set)> meetings,
        int last = DefaultLast)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, 1);
        var ordered = meetings.Select(Check).OrderBy(m => m.HeldAt).ToList();
        return [.. ordered.Skip(Math.Max(0, ordered.Count - last)).Select(m => new EvaluationTrendPoint(m.MdoId, m.HeldAt, m.Set.Count, m.Set.Averages))];
    }

    private static (string MdoId, DateTimeOffset HeldAt, EvaluationSet Set) Check((string MdoId, DateTimeOffset HeldAt, EvaluationSet Set) meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting.Set);
        return string.Equals(meeting.MdoId, meeting.Set.MdoId, StringComparison.Ordinal)
            ? meeting
            : throw new ArgumentException($"Entry '{meeting.MdoId}' holds the evaluation of '{meeting.Set.MdoId}'.", nameof(meeting));
    }
}
