using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace MdoBot.Bench;

/// <summary>
/// Stored-timer lateness, in real time. A fresh MdoBot (Mdo:WarningLeadMinutes = 4) gets N MDOs,
/// each started with one case of 5 minutes: 3 stored timers each (warning at +1 min, time up and
/// card refresh at +5 min). The due times are read from MdoBot's own timers table right after the
/// set-up; the fake connector stamps the arrival of every time notice. Lateness = arrival − due,
/// i.e. what a meeting participant sees (scheduler + handler + commit + outbox + HTTP).
/// MdoBot's "Timer … fired … ms after due" log lines give the scheduler's own share.
/// </summary>
public static class TimerPhase
{
    public const int CaseMinutes = 5;
    public const int WarningLeadMinutes = 4;

    public static Dictionary<string, string> Environment => new(StringComparer.Ordinal)
    {
        ["Mdo__WarningLeadMinutes"] = WarningLeadMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Logging__LogLevel__MdoBot.BotFramework.Hosting.TimerFiring"] = "Information",
    };

    public static async Task<TimerResult> RunAsync(BenchOptions o, BotProcess bot, BenchConnector connector, HttpClient http, CancellationToken ct)
    {
        var scenario = new MdoScenario(http, connector, bot.BaseUrl, "timer", 0);
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var workers = Math.Min(100, o.Timers);
        var recorders = Enumerable.Range(0, workers).Select(_ => new Recorder()).ToArray();
        var next = -1;
        var setup = Stopwatch.StartNew();
        var machineAtStart = CpuSnapshot.Take();
        var botCpuAtStart = bot.CpuTime;
        var benchCpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.WhenAll(recorders.Select(rec => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < o.Timers && !ct.IsCancellationRequested)
            {
                try
                {
                    await scenario.StartOneCaseAsync(n, CaseMinutes, rec, ct);
                }
                catch (Exception ex) when (ex is BenchStepException or TimeoutException or InvalidOperationException or HttpRequestException)
                {
                    errors.AddOrUpdate(ex.GetType().Name + ": " + LoadPhase.Short(ex.Message), 1, (_, c) => c + 1);
                }
            }
        }, ct)));
        var setupSeconds = setup.Elapsed.TotalSeconds;
        Console.WriteLine($"  {o.Timers} MDOs started in {setupSeconds:F1} s");

        // Due times straight from MdoBot's timers table (a warning that fired already: time up − lead).
        var (pending, dues) = ReadTimers(bot.DatabasePath);
        Console.WriteLine($"  pending stored timers: {pending.Values.Sum()} ({string.Join(", ", pending.Select(p => $"{p.Key} {p.Value}"))})");
        var expected = dues.Values.Count(d => d.Warning is not null);
        var lastWarning = dues.Values.Select(d => d.Warning ?? 0).DefaultIfEmpty(0).Max();
        var lastTimeUp = dues.Values.Select(d => d.TimeUp ?? 0).DefaultIfEmpty(0).Max();

        await WaitForNoticesAsync(connector, warning: true, expected, lastWarning, ct);
        if (o.TimeUps)
        {
            await WaitForNoticesAsync(connector, warning: false, dues.Values.Count(d => d.TimeUp is not null), lastTimeUp, ct);
        }

        var machineSnapshot = CpuSnapshot.Take();
        var elapsed = (machineSnapshot.At - machineAtStart.At).TotalSeconds;
        var machineBusy = machineSnapshot.BusyCoresSince(machineAtStart);
        var ownCores = ((bot.CpuTime - botCpuAtStart) + (Process.GetCurrentProcess().TotalProcessorTime - benchCpuAtStart)).TotalSeconds / elapsed;
        var notices = connector.TimeNotices.ToList();
        var warningLateness = new List<double>();
        var timeUpLateness = new List<double>();
        foreach (var (conversationId, isWarning, arrived) in notices)
        {
            if (!dues.TryGetValue(conversationId, out var due))
            {
                continue;
            }

            if (isWarning && due.Warning is { } w)
            {
                warningLateness.Add(arrived - w);
            }
            else if (!isWarning && due.TimeUp is { } u)
            {
                timeUpLateness.Add(arrived - u);
            }
        }

        var logged = bot.TimerLog.ToList();
        var rows = new List<StatRow>
        {
            new("delivered", "warning notice (arrival − due)", LatencyStats.Of(warningLateness, 0)),
        };
        if (o.TimeUps)
        {
            rows.Add(new("delivered", "time-up notice (arrival − due)", LatencyStats.Of(timeUpLateness, 0)));
            rows.Add(new("delivered", "all notices", LatencyStats.Of(warningLateness.Concat(timeUpLateness), 0)));
        }

        rows.AddRange(logged.GroupBy(l => l.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StatRow("fired", $"{g.Key} fired (MdoBot log)", LatencyStats.Of(g.Select(l => l.LatenessMs), 0))));

        var setupSamples = recorders.SelectMany(r => r.Samples).Where(s => s.Group != "card").Select(s => s.Ms);
        return new TimerResult(
            o.Timers,
            Math.Round(setupSeconds, 1),
            LatencyStats.Of(setupSamples, setupSeconds),
            pending.Values.Sum(),
            pending,
            expected,
            warningLateness.Count,
            o.TimeUps ? timeUpLateness.Count : null,
            logged.Count(l => l.Late),
            rows,
            errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
            new MemoryResult(0, bot.PeakRssKb / 1024.0, bot.RssKb / 1024.0),
            machineBusy,
            Math.Round(Math.Max(0, machineBusy - ownCores), 2),
            CpuSnapshot.LoadAverage());
    }

    private static async Task WaitForNoticesAsync(BenchConnector connector, bool warning, int expected, long lastDueUnixMs, CancellationToken ct)
    {
        var giveUpAt = lastDueUnixMs + 90_000;
        var announced = false;
        while (!ct.IsCancellationRequested)
        {
            var arrived = connector.TimeNotices.Count(n => n.Warning == warning);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (arrived >= expected || now > giveUpAt)
            {
                Console.WriteLine($"  {(warning ? "warnings" : "time-ups")}: {arrived} of {expected} arrived");
                return;
            }

            if (!announced)
            {
                Console.WriteLine($"  waiting for {(warning ? "warnings" : "time-ups")} (last due in {Math.Max(0, (lastDueUnixMs - now) / 1000)} s)…");
                announced = true;
            }

            await Task.Delay(500, ct);
        }
    }

    private static (Dictionary<string, long> Pending, Dictionary<string, (long? Warning, long? TimeUp)> Dues) ReadTimers(string databasePath)
    {
        using var conn = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        conn.Open();
        var pending = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT kind, COUNT(*) FROM timers GROUP BY kind ORDER BY kind";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                pending[r.GetString(0)] = r.GetInt64(1);
            }
        }

        var dues = new Dictionary<string, (long? Warning, long? TimeUp)>(StringComparer.Ordinal);
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT kind, due_at, conversation_id FROM timers WHERE kind IN ('case.warning', 'case.timeUp')";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var (kind, due, conversation) = (r.GetString(0), r.GetInt64(1), r.GetString(2));
                dues.TryGetValue(conversation, out var d);
                dues[conversation] = kind == "case.warning" ? (due, d.TimeUp) : (d.Warning, due);
            }
        }

        var lead = (long)TimeSpan.FromMinutes(WarningLeadMinutes).TotalMilliseconds;
        foreach (var key in dues.Keys.ToList())
        {
            if (dues[key] is { Warning: null, TimeUp: { } up })
            {
                dues[key] = (up - lead, up);
            }
        }

        return (pending, dues);
    }
}

public sealed record TimerResult(
    int Mdos,
    double SetupSeconds,
    LatencyStats SetupRequests,
    long PendingTimers,
    Dictionary<string, long> PendingByKind,
    int WarningsExpected,
    int WarningsArrived,
    int? TimeUpsArrived,
    int FiredMarkedLate,
    List<StatRow> Rows,
    Dictionary<string, int> Errors,
    MemoryResult Memory,
    double MachineBusyCores,
    double OtherProcessesCores,
    string LoadAverageAtEnd);
