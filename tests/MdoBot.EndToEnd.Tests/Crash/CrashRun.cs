using System.Diagnostics;
using System.Text.Json.Nodes;
using MdoBot.Testing;
using Xunit.Abstractions;

namespace MdoBot.EndToEnd.Tests.Crash;

/// <summary>
/// One scripted run against the real MdoBot process: delivers activities like the Bot Connector does
/// (a delivery that got no 2xx answer is sent again, same activity id, once MdoBot is back), kills MdoBot
/// at the planned points, and after every kill — while MdoBot is dead — checks the SQLite file: every
/// acknowledged change is there, nothing was applied twice, and which stored messages the connector
/// already accepted (those will be posted again: they are counted as "in doubt").
/// </summary>
internal sealed class CrashRun : IAsyncDisposable
{
    private static readonly TimeSpan CardTimeout = TimeSpan.FromSeconds(60);
    private readonly ITestOutputHelper _output;
    private readonly string _dir;
    private readonly object _books = new();
    private readonly Dictionary<string, int> _acked = new(StringComparer.Ordinal);
    private readonly List<(string Step, Func<JsonObject, bool> Holds)> _facts = [];
    private readonly Dictionary<long, (JsonNode Content, string? Key, int Accepted)> _inDoubt = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string? _inFlight;

    private CrashRun(ITestOutputHelper output, string dir, FakeBotConnector connector, ConnectorGate gate)
    {
        _output = output;
        _dir = dir;
        Connector = connector;
        Gate = gate;
        Database = new CrashDatabase(Path.Combine(dir, "mdobot.db"));
        Bot = new CrashBot(Database.Path, gate.ServiceUrl);
        Chat = new CrashChat(gate.ServiceUrl);
        Chat.RegisterMembers(connector);
    }

    public FakeBotConnector Connector { get; }

    public ConnectorGate Gate { get; }

    public CrashBot Bot { get; }

    public CrashChat Chat { get; }

    public CrashDatabase Database { get; }

    /// <summary>Every kill: where it happened.</summary>
    public List<string> KillLog { get; } = [];

    /// <summary>What the checks found wrong (lost or doubled changes), with the kill at which they were seen.</summary>
    public List<string> Violations { get; } = [];

    /// <summary>Deliveries that got no 2xx answer and were sent again with the same activity id.</summary>
    public int Redeliveries { get; private set; }

    /// <summary>Acknowledged deliveries by the audit action they record.</summary>
    public IReadOnlyDictionary<string, int> Acknowledged => _acked;

    public TimeSpan Elapsed => _clock.Elapsed;

    public static async Task<CrashRun> StartAsync(ITestOutputHelper output)
    {
        var dir = Directory.CreateTempSubdirectory("mdobot-crash-").FullName;
        var connector = await FakeBotConnector.StartAsync();
        var gate = await ConnectorGate.StartAsync(connector);
        var run = new CrashRun(output, dir, connector, gate);
        await run.Bot.StartAsync();
        return run;
    }

    public void Log(string line) => _output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {line}");

    /// <summary>
    /// Delivers one activity until MdoBot acknowledges it, killing MdoBot at <paramref name="kills"/> on the way
    /// (points left when it was acknowledged are used right after). Returns MdoBot's answer.
    /// </summary>
    /// <param name="audit">The audit action the step records exactly once.</param>
    /// <param name="fact">What must hold in the stored MDO from the moment the step is acknowledged.</param>
    public async Task<JsonNode?> StepAsync(string step, JsonObject activity, string audit, Func<JsonObject, bool>? fact, Queue<KillPoint> kills)
    {
        Task? gateFired = null; // an armed kill stays armed across attempts until a post reaches the connector
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 15)
            {
                throw new InvalidOperationException($"{step}: not acknowledged after {attempt - 1} deliveries.\n{Bot.Tail()}");
            }

            await EnsureAliveAsync();
            kills.TryDequeue(out var kill);
            if (kill?.Kind == KillKind.BetweenSteps)
            {
                await KillAsync($"{step}: between steps");
                await EnsureAliveAsync();
            }

            if (kill?.Kind == KillKind.ConnectorAccepted && gateFired is null)
            {
                gateFired = Gate.ArmAfterNextSendAccepted(() => KillAsync($"{step}: connector accepted a post, MdoBot not yet told"));
            }

            lock (_books)
            {
                _inFlight = audit;
            }

            var sending = Bot.PostAsync(activity);
            if (kill?.Kind == KillKind.InFlight)
            {
                if (kill.DelayMs > 0)
                {
                    await Task.Delay(kill.DelayMs); // allowed: the random SIGKILL point within a real request
                }

                await KillAsync($"{step}: in flight +{kill.DelayMs} ms" + (sending.IsCompleted ? " (already answered)" : string.Empty));
            }

            var answer = await sending;
            if (!answer.Acknowledged)
            {
                Redeliveries++;
                Log($"{step}: attempt {attempt} not acknowledged ({answer}); the same activity goes again");
                if (Bot.IsAlive && answer.Error is null)
                {
                    await Task.Delay(250); // allowed: a live MdoBot refused it (5xx): the connector retries after a pause
                }

                continue;
            }

            lock (_books)
            {
                _acked[audit] = _acked.GetValueOrDefault(audit) + 1;
                _inFlight = null;
                if (fact is not null)
                {
                    _facts.Add((step, fact));
                }
            }

            if (kill?.Kind == KillKind.AfterAck)
            {
                await Task.Delay(kill.DelayMs); // allowed: the random SIGKILL point within a real request
                await KillAsync($"{step}: +{kill.DelayMs} ms after the answer");
            }

            if (gateFired is not null)
            {
                await WaitForGateAsync(step, gateFired);
            }

            while (kills.TryDequeue(out var late))
            {
                await EnsureAliveAsync();
                if (late.Kind == KillKind.ConnectorAccepted)
                {
                    await WaitForGateAsync(step, Gate.ArmAfterNextSendAccepted(() => KillAsync($"{step}: connector accepted a post, MdoBot not yet told (left-over point)")));
                    continue;
                }

                await Task.Delay(late.DelayMs); // allowed: MdoBot stays down past the timers' due time (real process)
                await KillAsync($"{step}: +{late.DelayMs} ms after the answer (left-over point)");
            }

            return answer.Json;
        }
    }

    public async Task EnsureAliveAsync()
    {
        if (!Bot.IsAlive)
        {
            await Bot.StartAsync();
        }
    }

    /// <summary>SIGKILL, then the checks on the database while MdoBot is dead.</summary>
    public async Task KillAsync(string where)
    {
        var before = Bot.Kills;
        await Bot.KillAsync(() => CheckWhileDead(where));
        if (Bot.Kills > before)
        {
            lock (_books)
            {
                KillLog.Add(where);
            }

            Log($"kill #{Bot.Kills}: {where}");
        }
    }

    /// <summary>Waits until the connector recorded a message post matching <paramref name="match"/> (restarting MdoBot when needed).</summary>
    public async Task<RecordedCall> WaitForSendAsync(Func<RecordedCall, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? CardTimeout);
        while (true)
        {
            var found = Connector.Calls.FirstOrDefault(c => c.Kind == "send" && match(c));
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No post of {what}. Posts: {string.Join(" | ", Sends().Select(c => c.ToString()))}\n{Bot.Tail()}");
            }

            await EnsureAliveAsync();
            try
            {
                await Connector.WaitForAsync(c => c.Kind == "send" && match(c), TimeSpan.FromSeconds(1));
            }
            catch (TimeoutException)
            {
                // look again (MdoBot may have been killed meanwhile)
            }
        }
    }

    /// <summary>Waits (MdoBot running) until the outbox table is empty.</summary>
    public async Task<TimeSpan> WaitForEmptyOutboxAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (Database.Outbox().Count > 0)
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"The outbox still holds {Database.Outbox().Count} message(s) after {timeout}.\n{Bot.Tail()}");
            }

            await EnsureAliveAsync();
            await Task.Delay(100); // allowed: real MdoBot process on a real clock (crash test)
        }

        return watch.Elapsed;
    }

    public IReadOnlyList<RecordedCall> Sends() => Connector.Calls.Where(c => c.Kind == "send").ToList();

    /// <summary>How many extra posts of this content the connector may show: it had accepted them when MdoBot died unaware.</summary>
    public int InDoubtCopies(JsonNode? content)
    {
        lock (_books)
        {
            return _inDoubt.Values.Where(d => JsonNode.DeepEquals(d.Content, content)).Sum(d => d.Accepted);
        }
    }

    public int InDoubtCount
    {
        get
        {
            lock (_books)
            {
                return _inDoubt.Values.Sum(d => d.Accepted);
            }
        }
    }

    public IEnumerable<string> InDoubtDescriptions()
    {
        lock (_books)
        {
            return _inDoubt.Values.Select(d => $"{d.Accepted}× {Describe(d.Content)} [{d.Key ?? "no card key"}]").ToList();
        }
    }

    public static string Describe(JsonNode? content) =>
        content is JsonObject card ? (string?)card["fallbackText"] ?? CrashChat.Title(card) : content?.ToString() ?? "(nothing)";

    private async Task WaitForGateAsync(string step, Task gateFired)
    {
        var deadline = DateTime.UtcNow + CardTimeout;
        while (!gateFired.IsCompleted && DateTime.UtcNow < deadline)
        {
            await EnsureAliveAsync(); // the post may be one MdoBot makes after a restart
            await Task.WhenAny(gateFired, Task.Delay(250)); // allowed: real MdoBot process on a real clock (crash test)
        }

        if (!gateFired.IsCompleted)
        {
            Gate.Disarm();
            Log($"{step}: no post reached the connector; the armed kill was not used");
        }
    }

    private void CheckWhileDead(string where)
    {
        lock (_books)
        {
            if (!Database.Exists)
            {
                return;
            }

            var counts = Database.AuditCounts();
            foreach (var (action, acked) in _acked)
            {
                var stored = counts.GetValueOrDefault(action);
                if (stored < acked)
                {
                    Violations.Add($"LOST: {acked} acknowledged '{action}' but {stored} stored (kill: {where})");
                }

                var allowed = acked + (_inFlight == action ? 1 : 0);
                if (stored > allowed)
                {
                    Violations.Add($"DOUBLED: '{action}' stored {stored}×, acknowledged {acked}× (kill: {where})");
                }
            }

            var mdo = Database.Mdos().LastOrDefault();
            foreach (var (step, holds) in _facts)
            {
                if (mdo is null || !holds(mdo))
                {
                    Violations.Add($"LOST: the acknowledged change of '{step}' is not in the stored MDO (kill: {where})");
                }
            }

            // A stored post the connector already accepted: MdoBot died before it recorded the delivery, so it
            // will post it again. For a keyed card, a copy counts only if it is not the post MdoBot recorded.
            var accepted = Connector.Calls.Where(c => c.Kind == "send" && c.Card is not null).ToList();
            var posted = Database.PostedCards();
            foreach (var row in Database.Outbox().Where(r => r.Operation is "Send" or "SendPersonal"))
            {
                var content = row.Content;
                var recorded = row.CardKey is { } key ? posted.GetValueOrDefault(key) : null;
                var copies = accepted.Count(c => JsonNode.DeepEquals(c.Card, content) && c.ActivityId != recorded);
                if (copies > 0)
                {
                    _inDoubt[row.Id] = (content!, row.CardKey, copies);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Gate.DisposeAsync();
        await Connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
