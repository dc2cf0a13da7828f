using System.Diagnostics;

namespace MdoBot.Bench;

/// <summary>One timed request or wait: its group (invoke / message / card), label (verb…), start and duration.</summary>
public readonly record struct Sample(string Group, string Label, long StartTimestamp, double Ms);

/// <summary>Samples of one virtual user (no sharing, no locks); merged after the run.</summary>
public sealed class Recorder
{
    public List<Sample> Samples { get; } = new(4096);

    public void Add(string group, string label, long start, double ms) => Samples.Add(new Sample(group, label, start, ms));

    public void Card(string label, long requestStart, ConnectorCall arrived) =>
        Samples.Add(new Sample("card", label, requestStart,
            (arrived.ArrivedTimestamp - requestStart) * 1000.0 / Stopwatch.Frequency));
}

/// <summary>Latency distribution of one set of samples (nearest-rank percentiles), in ms.</summary>
public sealed record LatencyStats(int Count, double Mean, double P50, double P95, double P99, double Max, double PerSecond)
{
    public static LatencyStats Of(IEnumerable<double> values, double seconds)
    {
        var v = values.ToArray();
        if (v.Length == 0)
        {
            return new LatencyStats(0, 0, 0, 0, 0, 0, 0);
        }

        Array.Sort(v);
        return new LatencyStats(v.Length, Math.Round(v.Average(), 2), P(v, 50), P(v, 95), P(v, 99), Math.Round(v[^1], 2),
            seconds > 0 ? Math.Round(v.Length / seconds, 1) : 0);
    }

    private static double P(double[] sorted, double p) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
}
