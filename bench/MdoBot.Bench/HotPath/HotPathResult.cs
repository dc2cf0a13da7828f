using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MdoBot.Bench.HotPath;

/// <summary>Everything the hot-path phase measured; <see cref="Summary"/> and <see cref="Comparisons"/> are derived from <see cref="Runs"/>.</summary>
public sealed class HotPathResult
{
    public double DurationSeconds { get; init; }

    public double WarmupSeconds { get; init; }

    public List<SetupInfo> Setup { get; } = [];

    public List<RunStats> Runs { get; } = [];

    public DrainResult? Drain { get; set; }

    public List<MemoryInfo> Memory { get; } = [];

    /// <summary>Per target and connection count: medians over the rounds.</summary>
    public List<SummaryRow> Summary => Runs.GroupBy(r => (r.Target, r.Connections)).Select(g => SummaryRow.Of([.. g])).ToList();

    /// <summary>The side-by-side ratios (numerator / denominator) per connection count.</summary>
    public List<Comparison> Comparisons
    {
        get
        {
            var rows = Summary;
            var list = new List<Comparison>();
            foreach (var c in rows.Select(r => r.Connections).Distinct())
            {
                var at = rows.Where(r => r.Connections == c).ToList();
                var bots = at.Where(r => r.Kind == "mdobot" && !r.Target.Contains("history", StringComparison.Ordinal) && !r.Target.Contains("stored", StringComparison.Ordinal)).ToList();
                foreach (var bot in bots)
                {
                    list.AddRange(at.Where(r => r.Kind is "peer" or "floor").Select(other => Comparison.Of(c, bot, other)));
                }

                if (bots.Count > 0)
                {
                    list.AddRange(at.Where(r => r.Target.Contains("history", StringComparison.Ordinal)).Select(h => Comparison.Of(c, h, bots[0])));
                }

                list.AddRange(bots.Skip(1).Select(b => Comparison.Of(c, b, bots[0])));
                var stored = at.Where(r => r.Target.Contains("stored", StringComparison.Ordinal)).ToList();
                if (stored.Count == 2)
                {
                    list.Add(Comparison.Of(c, stored[0], stored[1]));
                }
            }

            return list;
        }
    }
}

/// <summary>How one target's chats were prepared. The templates stay in memory only.</summary>
public sealed class SetupInfo(string target, int pid, string tag, int chats, int closedMdosPerChat, double seconds, HotPathSetup setup, JsonObject?[] saveData)
{
    public string Target { get; } = target;

    public int Pid { get; } = pid;

    public string Tag { get; } = tag;

    public int Chats { get; } = chats;

    public int ClosedMdosPerChat { get; } = closedMdosPerChat;

    public double Seconds { get; } = seconds;

    /// <summary>The case.save request of each chat, addressed to <paramref name="endpoint"/>.</summary>
    public RequestTemplate[] Templates(IPEndPoint endpoint) => setup.Templates(Tag, saveData, endpoint);
}

public sealed record SummaryRow(
    string Target, string Kind, int Connections, int Rounds, double RequestsPerSecond, double P50Ms, double P99Ms, double WorstP99Ms,
    long Errors, long Ok, long WorkDone, bool WorkVerified, int AnswerBytes, double CpuTarget, double CpuBench, double CpuOtherStarted, double CpuRest,
    double MachineBusy, double? OutboxDrainSeconds)
{
    /// <summary>CPU milliseconds the target's process spent per successful request (median cores / median req/s).</summary>
    public double CpuMsPerRequest => RequestsPerSecond > 0 ? Math.Round(CpuTarget * 1000 / RequestsPerSecond, 3) : 0;

    public static SummaryRow Of(IReadOnlyList<RunStats> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var r = runs[0];
        var drains = runs.Where(x => x.OutboxDrainSeconds is not null).Select(x => x.OutboxDrainSeconds!.Value).ToList();
        return new SummaryRow(r.Target, r.Kind, r.Connections, runs.Count, Median(runs.Select(x => x.RequestsPerSecond)), Median(runs.Select(x => x.P50Ms)),
            Median(runs.Select(x => x.P99Ms)), runs.Max(x => x.P99Ms), runs.Sum(x => x.Errors), runs.Sum(x => x.Ok), runs.Sum(x => x.WorkDone),
            runs.All(x => x.WorkVerified), runs.Max(x => x.AnswerBytes), Median(runs.Select(x => x.Cpu.Target)), Median(runs.Select(x => x.Cpu.Bench)),
            Median(runs.Select(x => x.Cpu.OtherStarted)), Median(runs.Select(x => x.Cpu.Rest)), Median(runs.Select(x => x.Cpu.MachineBusy)),
            drains.Count == 0 ? null : Median(drains));
    }

    internal static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length == 0 ? 0 : v.Length % 2 == 1 ? v[v.Length / 2] : Math.Round((v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2, 2);
    }
}

/// <summary>Numerator / denominator of the medians: throughput, p50 and p99.</summary>
public sealed record Comparison(int Connections, string Numerator, string Denominator, double RequestsPerSecondRatio, double P50Ratio, double P99Ratio)
{
    public static Comparison Of(int connections, SummaryRow a, SummaryRow b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        static double Ratio(double x, double y) => y > 0 ? Math.Round(x / y, 3) : 0;
        return new Comparison(connections, a.Target, b.Target, Ratio(a.RequestsPerSecond, b.RequestsPerSecond), Ratio(a.P50Ms, b.P50Ms), Ratio(a.P99Ms, b.P99Ms));
    }
}

/// <summary>--drain: the burst, what was pending at its end, how long until the outbox was empty, rows created vs calls received.</summary>
public sealed record DrainResult(
    string Target, int Connections, double BurstSeconds, long Requests, double RequestsPerSecond, double P99Ms, long PendingAtBurstEnd,
    double DrainSeconds, bool Emptied, long OutboxRowsCreated, long ConnectorActivityCalls);

/// <summary>The hotpath.json file.</summary>
public sealed record HotPathReport(
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt, Machine Machine, SourceInfo Source, double MachineBusyCoresBeforeRun, object Options,
    [property: JsonPropertyName("hotPath")] HotPathResult? Result);
