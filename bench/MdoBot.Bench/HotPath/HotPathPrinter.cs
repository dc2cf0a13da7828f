using System.Globalization;

namespace MdoBot.Bench.HotPath;

/// <summary>The console output of the hot-path phase: one line per run as it ends, then the tables.</summary>
public static class HotPathPrinter
{
    public static void PrintRun(RunStats r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var verified = r.WorkVerified ? "ok" : "MISMATCH";
        Console.WriteLine($"  {r.Connections,3} conn, round {r.Round}: {r.Target,-22} {r.RequestsPerSecond,8:F1} req/s  p50 {r.P50Ms,6:F2}  p99 {r.P99Ms,7:F2} ms  " +
            $"errors {r.Errors}  stored {r.WorkDone}/{r.Ok} answers {verified}  " +
            $"CPU target {r.Cpu.Target:F2} bench {r.Cpu.Bench:F2} other-started {r.Cpu.OtherStarted:F2} rest {r.Cpu.Rest:F2}" +
            (r.OutboxDrainSeconds is { } d ? $"  outbox drained in {d:F1} s" : string.Empty));
        if (!r.WorkVerified)
        {
            Console.Error.WriteLine($"  !!! {r.Target}: {r.WorkDone} stored changes for {r.Ok} successful answers (before {r.WorkBefore}, after {r.WorkAfter})");
        }

        foreach (var (e, n) in r.ErrorKinds)
        {
            Console.WriteLine($"      error ×{n}: {LoadPhase.Short(e)}" + (r.ErrorSamples.TryGetValue(e, out var body) ? $" — {LoadPhase.Short(body)}" : string.Empty));
        }
    }

    public static void PrintDrain(DrainResult d)
    {
        ArgumentNullException.ThrowIfNull(d);
        Console.WriteLine($"  burst: {d.Requests} clicks in {d.BurstSeconds:F1} s ({d.RequestsPerSecond:F1} req/s, p99 {d.P99Ms:F1} ms); " +
            $"{d.PendingAtBurstEnd} messages pending at its end; outbox {(d.Emptied ? "empty" : "NOT empty")} after {d.DrainSeconds:F1} s; " +
            $"outbox rows created {d.OutboxRowsCreated}, connector activity calls received {d.ConnectorActivityCalls}");
    }

    public static void Print(HotPathReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (m, s) = (report.Machine, report.Source);
        Console.WriteLine();
        Console.WriteLine($"Machine: {m.Cpus} CPUs {m.CpuModel}, {m.MemoryGb} GB RAM, {m.Os} ({m.Kernel}), {m.Runtime}, SDK {m.Sdk}");
        Console.WriteLine($"SQLite on: {m.DbFileSystem}; machine busy before the run: {report.MachineBusyCoresBeforeRun:F2} cores");
        Console.WriteLine($"Source: commit {s.Commit} + {s.UncommittedSrcFiles} uncommitted src/ file(s); bot build {s.BotBuiltUtc:yyyy-MM-dd HH:mm:ss} UTC ({s.BotDll})");
        if (report.Result is not { } h)
        {
            return;
        }

        var rounds = h.Runs.Select(r => r.Round).DefaultIfEmpty(0).Max();
        Console.WriteLine();
        Console.WriteLine($"HOT PATH — case.save clicks (Action.Execute invoke), {h.Setup.FirstOrDefault()?.Chats} chats, closed loop; {rounds} interleaved round(s) of " +
            $"{h.WarmupSeconds:F0} s warm-up + {h.DurationSeconds:F0} s per target; medians over the rounds; CPU in cores");
        foreach (var c in h.Summary.Select(r => r.Connections).Distinct())
        {
            Console.WriteLine();
            Console.WriteLine($"{c} connections");
            Table(["target", "req/s", "p50 ms", "p99 ms", "worst p99", "errors", "stored / 200s", "answer B", "CPU target", "ms CPU/req", "bench", "other started", "rest", "outbox drain s"],
                h.Summary.Where(r => r.Connections == c).Select(r => new[]
                {
                    r.Target, F(r.RequestsPerSecond), F(r.P50Ms), F(r.P99Ms), F(r.WorstP99Ms), r.Errors.ToString(CultureInfo.InvariantCulture),
                    $"{r.WorkDone}/{r.Ok} {(r.WorkVerified ? "ok" : "MISMATCH")}", r.AnswerBytes.ToString(CultureInfo.InvariantCulture), F(r.CpuTarget), r.CpuMsPerRequest.ToString("F3", CultureInfo.InvariantCulture), F(r.CpuBench), F(r.CpuOtherStarted), F(r.CpuRest),
                    r.OutboxDrainSeconds is { } d ? F(d) : string.Empty,
                }));
            foreach (var x in h.Comparisons.Where(x => x.Connections == c))
            {
                Console.WriteLine($"  {x.Numerator} / {x.Denominator}: req/s × {x.RequestsPerSecondRatio:F3}, p50 × {x.P50Ratio:F2}, p99 × {x.P99Ratio:F2}");
            }
        }

        Console.WriteLine();
        foreach (var s2 in h.Setup)
        {
            Console.WriteLine($"set-up {s2.Target}: {s2.Chats} chats × ({s2.ClosedMdosPerChat} closed + 1 running MDO) in {s2.Seconds:F0} s");
        }

        foreach (var mem in h.Memory)
        {
            Console.WriteLine($"memory pid {mem.Pid} ({mem.Targets}): RSS peak (VmHWM) {mem.PeakRssMb} MB, at the end {mem.RssMb} MB" +
                (mem.PeakThreads is { } t ? $", threads peak {t}" : string.Empty));
        }

        if (h.Drain is { } drain)
        {
            Console.WriteLine($"DRAIN — {drain.Target}, {drain.Connections} connections:");
            PrintDrain(drain);
        }

        var bad = h.Runs.Where(r => !r.WorkVerified).ToList();
        Console.WriteLine(bad.Count == 0
            ? "VERIFIED: in every measured run, the stored changes equal the successful answers."
            : $"!!! WORK MISMATCH in {bad.Count} run(s): {string.Join("; ", bad.Select(r => $"{r.Target} {r.Connections} conn round {r.Round}: {r.WorkDone} stored vs {r.Ok} answers"))}");
    }

    private static string F(double v) => v.ToString(v >= 100 ? "F0" : v >= 10 ? "F1" : "F2", CultureInfo.InvariantCulture);

    private static void Table(string[] header, IEnumerable<string[]> rows)
    {
        var all = new[] { header }.Concat(rows).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        string Line(string[] r) => string.Join("  ", r.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i])));
        Console.WriteLine(Line(header));
        Console.WriteLine(new string('-', widths.Sum() + (2 * (widths.Length - 1))));
        foreach (var r in all.Skip(1))
        {
            Console.WriteLine(Line(r));
        }
    }
}
