using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using MdoBot.Bench;
using MdoBot.Bench.HotPath;

if (args.Length > 0 && args[0] == FloorServer.Flag)
{
    return await FloorServer.RunAsync(args[1..]); // the hot-path phase's floor, started by the bench itself
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
using var cts = new CancellationTokenSource();

// Ctrl+C, SIGTERM, SIGHUP: stop MdoBot by its PID and end the run (a second signal kills at once).
// Registered here because the connector's web host would otherwise swallow SIGTERM / SIGINT.
var signals = 0;
void OnSignal(PosixSignalContext context)
{
    var first = Interlocked.Increment(ref signals) == 1;
    context.Cancel = first;
    Console.Error.WriteLine(first ? $"{context.Signal}: stopping MdoBot and finishing…" : $"{context.Signal}: killing MdoBot now");
    cts.Cancel();
    foreach (var child in ChildProcess.Running.Values)
    {
        child.Stop();
    }

    foreach (var bot in BotProcess.Running.Values)
    {
        if (first)
        {
            _ = Task.Run(bot.Stop); // not on the signal thread: Process.WaitForExit needs it
        }
        else
        {
            bot.Kill();
        }
    }
}

using var onSigInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var onSigTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
using var onSigHup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
AppDomain.CurrentDomain.ProcessExit += (_, _) =>
{
    foreach (var child in ChildProcess.Running.Values)
    {
        child.Stop();
    }

    foreach (var bot in BotProcess.Running.Values)
    {
        bot.Kill();
    }
};

var repoRoot = FindRepoRoot();
var outFile = options.Out ?? Path.Combine(repoRoot, "bench", "results", options.RunHotPath ? "hotpath.json" : options.RunSoak ? "soak.json" : "latest.json");
var dbDir = options.DbDir ?? Path.GetTempPath();
var machine = await Machine.DescribeAsync(dbDir);
Console.WriteLine($"MdoBot bench — {machine.Cpus} CPUs ({machine.CpuModel}), {machine.MemoryGb} GB, {machine.Os}, {machine.Runtime}");
Console.WriteLine($"SQLite files in {dbDir} ({machine.DbFileSystem})");

if (options.Build)
{
    Console.WriteLine("Building src/MdoBot.Web (Release)…");
    try
    {
        await BotProcess.BuildAsync(repoRoot, cts.Token);
    }
    catch (InvalidOperationException ex)
    {
        Console.Error.WriteLine(ex.Message);
        Console.Error.WriteLine("Fix the build, or run the last good Release build with --no-build.");
        return 1;
    }
}

var quietDeadline = DateTimeOffset.UtcNow.AddSeconds(options.WaitQuietSeconds);
double busyBefore = 0;
while (!cts.IsCancellationRequested)
{
    var idleCheck = CpuSnapshot.Take();
    await Task.Delay(2000, CancellationToken.None);
    busyBefore = CpuSnapshot.Take().BusyCoresSince(idleCheck);
    if (busyBefore <= 0.3 || DateTimeOffset.UtcNow >= quietDeadline)
    {
        break;
    }

    Console.WriteLine($"  waiting for a quiet machine: {busyBefore:F2} cores busy (load avg {CpuSnapshot.LoadAverage()})");
    await Task.WhenAny(Task.Delay(8000, cts.Token));
}

Console.WriteLine($"Machine busy before the run: {busyBefore:F2} of {machine.Cpus} cores (load avg {CpuSnapshot.LoadAverage()})" +
    (busyBefore > 0.3 ? " — other processes are competing for CPU; figures will be pessimistic" : string.Empty));

var (commit, dirtySrc) = await SourceInfo.GitAsync(repoRoot);
Console.WriteLine($"Source: commit {commit}, {dirtySrc} uncommitted file(s) under src/");

MeetingClient.LoadFixtures();
using var http = new HttpClient(new SocketsHttpHandler
{
    UseProxy = false,
    MaxConnectionsPerServer = 4096,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    AutomaticDecompression = DecompressionMethods.None,
})
{
    Timeout = TimeSpan.FromSeconds(100),
};

if (options.RunHotPath)
{
    var hotStarted = DateTimeOffset.UtcNow;
    HotPathResult? hot = null;
    try
    {
        Console.WriteLine($"Hot path: MdoBot vs JS SDK peer vs Kestrel floor at {string.Join(", ", options.Hot.Connections)} connections, {options.Hot.Rounds} round(s)");
        hot = await HotPathPhase.RunAsync(options, repoRoot, http, cts.Token);
    }
    catch (OperationCanceledException) when (cts.IsCancellationRequested)
    {
        Console.Error.WriteLine("Cancelled.");
    }

    var hotReport = new HotPathReport(hotStarted, DateTimeOffset.UtcNow, machine, new SourceInfo(commit, dirtySrc, BotProcess.LastDll, BotProcess.LastBuildUtc),
        busyBefore, options.ToJson(), hot);
    HotPathPrinter.Print(hotReport);
    if (hot is null)
    {
        Console.WriteLine($"\nCancelled: {Path.GetRelativePath(Environment.CurrentDirectory, outFile)} not written.");
        return 130;
    }

    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
    await File.WriteAllTextAsync(outFile, JsonSerializer.Serialize(hotReport, BenchReport.Json) + "\n");
    Console.WriteLine($"\nWritten {Path.GetRelativePath(Environment.CurrentDirectory, outFile)}");
    return hot.Runs.All(r => r.WorkVerified) ? 0 : 3;
}

if (options.RunSoak)
{
    return await MdoBot.Bench.Soak.SoakRun.RunAsync(options, repoRoot, outFile, http, cts.Token);
}

LoadResult? load = null;
TimerResult? timers = null;
var started = DateTimeOffset.UtcNow;
try
{
    if (options.RunLoad)
    {
        Console.WriteLine($"Load phase: {options.Mdos} concurrent MDOs, {options.WarmupSeconds} s warm-up + {options.DurationSeconds} s measured, think time {options.ThinkMs} ms");
        await using var connector = await BenchConnector.StartAsync();
        await using var bot = await BotProcess.StartAsync(repoRoot, options.BotDll, options.DbDir, options.BotEnv, cts.Token);
        Console.WriteLine($"  MdoBot pid {bot.Pid} on {bot.BaseUrl}, connector {connector.ServiceUrl}");
        load = await LoadPhase.RunAsync(options, bot, connector, http, cts.Token);
        if (bot.HasExited)
        {
            Console.Error.WriteLine("MdoBot exited during the load phase:\n" + bot.Tail());
        }

        Console.WriteLine($"  MdoBot log: {bot.WarningLines} warnings, {bot.ErrorLines} errors{(bot.WarningLines + bot.ErrorLines > 0 ? "\n" + bot.Tail() : string.Empty)}");
    }

    if (options.RunTimers && !cts.IsCancellationRequested)
    {
        Console.WriteLine($"Timer phase: {options.Timers} MDOs with one {TimerPhase.CaseMinutes}-minute case, warning lead {TimerPhase.WarningLeadMinutes} min (real clock)");
        await using var connector = await BenchConnector.StartAsync();
        await using var bot = await BotProcess.StartAsync(repoRoot, options.BotDll, options.DbDir,
            TimerPhase.Environment.Concat(options.BotEnv).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value), cts.Token);
        Console.WriteLine($"  MdoBot pid {bot.Pid} on {bot.BaseUrl}");
        timers = await TimerPhase.RunAsync(options, bot, connector, http, cts.Token);
        Console.WriteLine($"  MdoBot log: {bot.WarningLines} warnings, {bot.ErrorLines} errors{(bot.WarningLines + bot.ErrorLines > 0 ? "\n" + bot.Tail() : string.Empty)}");
    }
}
catch (OperationCanceledException) when (cts.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
}
finally
{
    foreach (var bot in BotProcess.Running.Values)
    {
        bot.Stop();
    }
}

var source = new SourceInfo(commit, dirtySrc, BotProcess.LastDll, BotProcess.LastBuildUtc);
var report = new BenchReport(started, DateTimeOffset.UtcNow, machine, source, busyBefore, options.ToJson(), load, timers, Targets.Evaluate(load, timers));
report.Print();
if (cts.IsCancellationRequested)
{
    Console.WriteLine($"\nCancelled: {Path.GetRelativePath(Environment.CurrentDirectory, outFile)} not written.");
    return 130;
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
await File.WriteAllTextAsync(outFile, JsonSerializer.Serialize(report, BenchReport.Json) + "\n");
Console.WriteLine($"\nWritten {Path.GetRelativePath(Environment.CurrentDirectory, outFile)}");
return 0;

static string FindRepoRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MdoBot.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new InvalidOperationException("Run the bench from inside the MdoBot repository (MdoBot.sln not found).");
}

namespace MdoBot.Bench
{
    /// <summary>The issue's targets, checked against the run.</summary>
    public sealed record Targets(double InvokeP99TargetMs, double? InvokeP99Ms, bool? InvokeMet, double TimerP99TargetMs, double? TimerP99Ms, bool? TimerMet)
    {
        public static Targets Evaluate(LoadResult? load, TimerResult? timers)
        {
            var invoke = load?.Rows.FirstOrDefault(r => r.Group == "invoke")?.Stats;
            var timer = timers?.Rows.LastOrDefault(r => r.Group == "delivered")?.Stats;
            return new Targets(
                20, invoke?.P99, invoke is not { Count: > 0 } ? null : invoke.P99 <= 20,
                1000, timer?.P99, timer is not { Count: > 0 } ? null : timer.P99 <= 1000);
        }
    }

    public sealed record BenchReport(
        DateTimeOffset StartedAt, DateTimeOffset FinishedAt, Machine Machine, SourceInfo Source, double MachineBusyCoresBeforeRun, object Options,
        LoadResult? Load, TimerResult? Timers, Targets Targets)
    {
        public static readonly JsonSerializerOptions Json = new()
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public void Print()
        {
            Console.WriteLine();
            Console.WriteLine($"Machine: {Machine.Cpus} CPUs {Machine.CpuModel}, {Machine.MemoryGb} GB RAM, {Machine.Os} ({Machine.Kernel}), {Machine.Runtime}, SDK {Machine.Sdk}");
            Console.WriteLine($"SQLite on: {Machine.DbFileSystem}; machine busy before the run: {MachineBusyCoresBeforeRun:F2} cores");
            Console.WriteLine($"Source: commit {Source.Commit} + {Source.UncommittedSrcFiles} uncommitted src/ file(s); bot build {Source.BotBuiltUtc:yyyy-MM-dd HH:mm:ss} UTC ({Source.BotDll})");
            if (Load is { } l)
            {
                Console.WriteLine();
                Console.WriteLine($"LOAD — {l.ConcurrentMdos} concurrent MDOs, closed loop, {l.MeasuredSeconds} s measured; " +
                    $"{l.MdosCompletedInWindow} MDOs completed in the window ({l.MdosCompletedTotal} in all)");
                Table(["round-trip (ms)", "count", "req/s", "mean", "p50", "p95", "p99", "max"],
                    l.Rows.Where(r => r.Group != "card").Select(r => Cells(r.Name, r.Stats, true)));
                Console.WriteLine();
                Table(["request → card at connector (ms)", "count", "per s", "mean", "p50", "p95", "p99", "max"],
                    l.Rows.Where(r => r.Group == "card").Select(r => Cells(r.Name, r.Stats, true)));
                Console.WriteLine($"MdoBot RSS: idle {l.Memory.IdleRssMb:F0} MB, peak {l.Memory.PeakRssMb:F0} MB, end {l.Memory.EndRssMb:F0} MB; " +
                    $"CPU: MdoBot {l.BotCpuCores:F2} cores, bench {l.BenchCpuCores:F2} cores, other processes {l.OtherProcessesCores:F2} cores " +
                    $"(machine {l.MachineBusyCores:F2} of {Machine.Cpus} busy, load avg {l.LoadAverageAtEnd}); MdoBot threads peak {l.BotPeakThreads}; " +
                    $"database {l.DatabaseMb} MB; connector calls {l.ConnectorCalls}");
                Console.WriteLine("invoke round-trip histogram (ms): " + string.Join("  ", l.InvokeHistogramMs.Select(h => $"{h.Key}: {h.Value}")));
                Errors(l.Errors);
            }

            if (Timers is { } t)
            {
                Console.WriteLine();
                Console.WriteLine($"TIMERS — {t.Mdos} MDOs started in {t.SetupSeconds} s; {t.PendingTimers} stored timers pending after set-up " +
                    $"({string.Join(", ", t.PendingByKind.Select(p => $"{p.Key} {p.Value}"))})");
                Console.WriteLine($"warnings {t.WarningsArrived}/{t.WarningsExpected} arrived" +
                    (t.TimeUpsArrived is { } up ? $", time-ups {up}/{t.WarningsExpected}" : string.Empty) + $", fired marked late: {t.FiredMarkedLate}");
                Table(["lateness (ms)", "count", string.Empty, "mean", "p50", "p95", "p99", "max"],
                    t.Rows.Select(r => Cells(r.Name, r.Stats, false)));
                Console.WriteLine($"set-up requests while timers were pending: p50 {t.SetupRequests.P50} ms, p99 {t.SetupRequests.P99} ms, " +
                    $"{t.SetupRequests.PerSecond} req/s; MdoBot RSS peak {t.Memory.PeakRssMb:F0} MB, end {t.Memory.EndRssMb:F0} MB");
                Console.WriteLine($"machine {t.MachineBusyCores:F2} of {Machine.Cpus} cores busy during the phase, other processes {t.OtherProcessesCores:F2} cores, load avg {t.LoadAverageAtEnd}");
                Errors(t.Errors);
            }

            Console.WriteLine();
            Console.WriteLine("TARGETS");
            if (Targets.InvokeMet is { } im)
            {
                Console.WriteLine($"  invoke round-trip p99 ≤ {Targets.InvokeP99TargetMs} ms at {Load!.ConcurrentMdos} MDOs: {Targets.InvokeP99Ms} ms → {(im ? "MET" : "NOT MET")}");
            }

            if (Targets.TimerMet is { } tm)
            {
                Console.WriteLine($"  timer lateness p99 ≤ {Targets.TimerP99TargetMs} ms with {Timers!.PendingTimers} pending: {Targets.TimerP99Ms} ms → {(tm ? "MET" : "NOT MET")}");
            }
        }

        private static string[] Cells(string name, LatencyStats s, bool rate) =>
        [
            name, s.Count.ToString(CultureInfo.InvariantCulture), rate ? s.PerSecond.ToString("F1", CultureInfo.InvariantCulture) : string.Empty,
            F(s.Mean), F(s.P50), F(s.P95), F(s.P99), F(s.Max),
        ];

        private static string F(double v) => v.ToString(v >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture);

        private static void Errors(Dictionary<string, int> errors)
        {
            foreach (var (e, n) in errors)
            {
                Console.WriteLine($"  error ×{n}: {e}");
            }
        }

        private static void Table(string[] header, IEnumerable<string[]> rows)
        {
            var all = new[] { header }.Concat(rows).ToList();
            var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
            string Line(string[] r) => string.Join("  ", r.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));
            Console.WriteLine(Line(header));
            Console.WriteLine(new string('-', widths.Sum() + (2 * (widths.Length - 1))));
            foreach (var r in all.Skip(1))
            {
                Console.WriteLine(Line(r));
            }
        }
    }
}
