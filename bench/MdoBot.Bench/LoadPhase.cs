using System.Collections.Concurrent;
using System.Diagnostics;

namespace MdoBot.Bench;

/// <summary>
/// N virtual chairs in a closed loop, each running MDO after MDO (each in a new meeting chat)
/// without think time: a warm-up, then the measured window. Only requests that started inside
/// the window count; at its end every user stops at its next step.
/// </summary>
public static class LoadPhase
{
    public static async Task<LoadResult> RunAsync(BenchOptions o, BotProcess bot, BenchConnector connector, HttpClient http, CancellationToken ct)
    {
        var scenario = new MdoScenario(http, connector, bot.BaseUrl, "load", o.ThinkMs);
        var recorders = Enumerable.Range(0, o.Mdos).Select(_ => new Recorder()).ToArray();
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var completed = 0;
        var completedInWindow = 0;
        var next = -1;
        var rssIdleKb = bot.RssKb;

        var begin = Stopwatch.GetTimestamp();
        var windowStart = begin + (long)(o.WarmupSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(o.DurationSeconds * Stopwatch.Frequency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(TimeSpan.FromSeconds(o.WarmupSeconds + o.DurationSeconds));

        TimeSpan botCpuAtStart = default, benchCpuAtStart = default;
        var machineAtStart = CpuSnapshot.Take();
        var windowTask = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(o.WarmupSeconds), stop.Token);
            botCpuAtStart = bot.CpuTime;
            benchCpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
            machineAtStart = CpuSnapshot.Take();
            Console.WriteLine($"  warm-up done ({Volatile.Read(ref completed)} MDOs), measuring {o.DurationSeconds} s…");
        }, CancellationToken.None);

        var workers = recorders.Select((rec, w) => Task.Run(async () =>
        {
            // Spread the very first installs (over 1 s, or over 3 think times) instead of a single burst.
            await Task.Delay((int)((long)w * Math.Max(1000, 3 * o.ThinkMs) / o.Mdos), CancellationToken.None);
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                try
                {
                    await scenario.RunFullAsync(n, rec, stop.Token);
                    Interlocked.Increment(ref completed);
                    if (Stopwatch.GetTimestamp() >= windowStart)
                    {
                        Interlocked.Increment(ref completedInWindow);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is BenchStepException or TimeoutException or InvalidOperationException or HttpRequestException)
                {
                    errors.AddOrUpdate(ex.GetType().Name + ": " + Short(ex.Message), 1, (_, c) => c + 1);
                    if (errors.Values.Sum() > 50 + o.Mdos)
                    {
                        await stop.CancelAsync(); // something is systematically wrong: give up early
                    }
                }
            }
        }, CancellationToken.None)).ToList();

        await Task.WhenAll(workers);
        try
        {
            await windowTask;
        }
        catch (OperationCanceledException)
        {
        }

        var seconds = Math.Min(o.DurationSeconds, Stopwatch.GetElapsedTime(windowStart).TotalSeconds);
        var machineBusy = CpuSnapshot.Take().BusyCoresSince(machineAtStart);
        var loadAverage = CpuSnapshot.LoadAverage();
        var botCpu = bot.CpuTime - botCpuAtStart;
        var benchCpu = Process.GetCurrentProcess().TotalProcessorTime - benchCpuAtStart;
        var samples = recorders.SelectMany(r => r.Samples).Where(s => s.StartTimestamp >= windowStart && s.StartTimestamp < windowEnd).ToList();

        var rows = new List<StatRow>
        {
            Row("invoke", "all card actions (invoke)", samples.Where(s => s.Group == "invoke"), seconds),
        };
        rows.AddRange(samples.Where(s => s.Group == "invoke").GroupBy(s => s.Label).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row("invoke", "  " + g.Key, g, seconds)));
        rows.Add(Row("message", "all messages / updates", samples.Where(s => s.Group == "message"), seconds));
        rows.AddRange(samples.Where(s => s.Group == "message").GroupBy(s => s.Label).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row("message", "  " + g.Key, g, seconds)));
        rows.Add(Row("request", "all requests", samples.Where(s => s.Group != "card"), seconds));
        rows.AddRange(samples.Where(s => s.Group == "card").GroupBy(s => s.Label).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row("card", g.Key, g, seconds)));

        await Task.Delay(2000, CancellationToken.None); // let the outbox drain before the "end" memory reading
        return new LoadResult(
            o.Mdos,
            Math.Round(seconds, 1),
            completedInWindow,
            Volatile.Read(ref completed),
            errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
            rows,
            new MemoryResult(rssIdleKb / 1024.0, bot.PeakRssKb / 1024.0, bot.RssKb / 1024.0),
            Math.Round(botCpu.TotalSeconds / seconds, 2),
            Math.Round(benchCpu.TotalSeconds / seconds, 2),
            machineBusy,
            Math.Round(Math.Max(0, machineBusy - ((botCpu + benchCpu).TotalSeconds / seconds)), 2),
            loadAverage,
            connector.Calls,
            DatabaseMb(bot.DatabasePath),
            bot.PeakThreads,
            Histogram(samples.Where(s => s.Group == "invoke").Select(s => s.Ms)));
    }

    private static readonly double[] Bounds = [5, 10, 20, 50, 150, 300, 600, 1200];

    /// <summary>Invoke round-trips per bucket: "&lt;5", "5–10", … "≥1200" ms.</summary>
    internal static Dictionary<string, int> Histogram(IEnumerable<double> ms)
    {
        var counts = new int[Bounds.Length + 1];
        foreach (var v in ms)
        {
            var i = Array.FindIndex(Bounds, b => v < b);
            counts[i < 0 ? Bounds.Length : i]++;
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < counts.Length; i++)
        {
            var label = i == 0 ? $"<{Bounds[0]}" : i == Bounds.Length ? $">={Bounds[^1]}" : $"{Bounds[i - 1]}-{Bounds[i]}";
            result[label] = counts[i];
        }

        return result;
    }

    internal static double DatabaseMb(string path) =>
        Math.Round(new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1048576.0, 1);

    private static StatRow Row(string group, string name, IEnumerable<Sample> samples, double seconds) =>
        new(group, name, LatencyStats.Of(samples.Select(s => s.Ms), seconds));

    internal static string Short(string message) => message.Length > 160 ? message[..160] : message;
}

public sealed record StatRow(string Group, string Name, LatencyStats Stats);

public sealed record MemoryResult(double IdleRssMb, double PeakRssMb, double EndRssMb);

public sealed record LoadResult(
    int ConcurrentMdos,
    double MeasuredSeconds,
    int MdosCompletedInWindow,
    int MdosCompletedTotal,
    Dictionary<string, int> Errors,
    List<StatRow> Rows,
    MemoryResult Memory,
    double BotCpuCores,
    double BenchCpuCores,
    double MachineBusyCores,
    double OtherProcessesCores,
    string LoadAverageAtEnd,
    long ConnectorCalls,
    double DatabaseMb,
    long BotPeakThreads,
    Dictionary<string, int> InvokeHistogramMs);
