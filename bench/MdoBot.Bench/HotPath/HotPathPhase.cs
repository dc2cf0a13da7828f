using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MdoBot.Bench.HotPath;

/// <summary>
/// <c>--phase hotpath</c>: starts the MdoBots (real Release build, SQLite file in the temp dir), the
/// JS SDK peer and the Kestrel floor; prepares the chats; then, per connection count, runs R
/// interleaved rounds in which every target gets a warm-up and a measured window in turn.
/// </summary>
public static class HotPathPhase
{
    public const string Fresh = "hp";
    private static readonly TimeSpan SetupOutboxLimit = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan RunOutboxLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PreWarm = TimeSpan.FromSeconds(8);

    public static async Task<HotPathResult> RunAsync(BenchOptions o, string repoRoot, HttpClient http, CancellationToken ct)
    {
        var hot = o.Hot;
        var duration = TimeSpan.FromSeconds(o.HotDurationSeconds);
        var warmup = TimeSpan.FromSeconds(o.HotWarmupSeconds);
        await using var connector = await BenchConnector.StartAsync();
        await using var fleet = new Fleet();
        var result = new HotPathResult { DurationSeconds = duration.TotalSeconds, WarmupSeconds = warmup.TotalSeconds };

        // MdoBots and their chats, prepared concurrently (each prepares over HTTP only).
        var prepared = new List<Task<(HotTarget Target, SetupInfo Info, string Sample)>>();
        var modes = hot.SyncModes;
        foreach (var mode in modes)
        {
            var bot = await fleet.StartBotAsync(repoRoot, o, mode, ct);
            var name = modes.Count > 1 || mode != "NORMAL" ? $"MdoBot {mode}" : "MdoBot";
            prepared.Add(PrepareAsync(name, bot, Fresh, hot.Chats, _ => 0, http, connector, ct));
            if (hot.History > 0 && mode == modes[0])
            {
                prepared.Add(PrepareAsync($"MdoBot history {hot.History}", bot, "hphist", hot.Chats, _ => hot.History, http, connector, ct));
            }
        }

        foreach (var (name, dll) in hot.Variants)
        {
            var bot = await fleet.StartBotAsync(repoRoot, o, modes[0], ct, dll);
            prepared.Add(PrepareAsync(name, bot, Fresh, hot.Chats, _ => 0, http, connector, ct));
        }

        if (hot.StoredMdos > 0)
        {
            foreach (var stored in new[] { hot.StoredMdos, 10 })
            {
                var bot = await fleet.StartBotAsync(repoRoot, o, modes[0], ct);
                var perChat = 10;
                var chats = (stored + perChat - 1) / perChat;
                var tag = $"hpstore{stored}";
                prepared.Add(Task.Run(async () =>
                {
                    var clock = Stopwatch.StartNew();
                    await new HotPathSetup(http, connector, bot).PrepareAsync(tag, chats, n => Math.Min(perChat, stored - (n * perChat)), running: false, 48, ct);
                    Console.WriteLine($"  {stored} closed MDOs stored in {chats} other chats in {clock.Elapsed.TotalSeconds:F0} s");
                    return await PrepareAsync($"MdoBot stored {stored}", bot, Fresh, hot.Chats, _ => 0, http, connector, ct);
                }, ct));
            }
        }

        var ready = await Task.WhenAll(prepared);
        result.Setup.AddRange(ready.Select(r => r.Info));
        var targets = ready.Select(r => r.Target).ToList();
        foreach (var bot in fleet.Bots)
        {
            var (seconds, empty) = await MdoDb.WaitForEmptyOutboxAsync(bot.DatabasePath, SetupOutboxLimit, ct);
            Console.WriteLine($"  MdoBot pid {bot.Pid}: outbox {(empty ? "empty" : "STILL NOT EMPTY")} after {seconds:F1} s more; " +
                $"{await MdoDb.MdoCountAsync(bot.DatabasePath, ct)} MDO documents, database {LoadPhase.DatabaseMb(bot.DatabasePath)} MB");
        }

        // The comparison servers get the same conversations and the same bytes (on their own port).
        var main = ready[0];
        var chatCount = main.Target.Templates.Length;
        if (hot.Peer)
        {
            var peer = await fleet.StartPeerAsync(repoRoot, ct);
            targets.Add(new HotTarget("JS SDK peer", "peer", peer.Endpoint, peer.Pid, main.Info.Templates(peer.Endpoint), c => Stats(http, peer, c)));
        }

        var floor = await fleet.StartFloorAsync(main.Sample, ct);
        targets.Add(new HotTarget("Kestrel floor", "floor", floor.Endpoint, floor.Pid, main.Info.Templates(floor.Endpoint), c => Stats(http, floor, c)));
        Console.WriteLine($"  targets: {string.Join(", ", targets.Select(t => $"{t.Name} (pid {t.Pid})"))}; {chatCount} chats each; " +
            $"MdoBot's case.save answer is {System.Text.Encoding.UTF8.GetByteCount(main.Sample)} bytes");

        var pids = fleet.Pids;
        Console.WriteLine($"  first warm-up of every target ({PreWarm.TotalSeconds:F0} s, not measured: JIT tiers, caches, pools)…");
        foreach (var target in targets)
        {
            await HotLoad.RunAsync(target, hot.Connections[0], 0, PreWarm, TimeSpan.Zero, pids, ct);
            await WaitForOutboxAsync(target, ct);
        }

        foreach (var connections in hot.Connections)
        {
            for (var round = 1; round <= hot.Rounds; round++)
            {
                var shift = (round - 1) % targets.Count; // rotate the order, so that no target is always first after a pause
                foreach (var target in targets.Skip(shift).Concat(targets.Take(shift)))
                {
                    var run = await HotLoad.RunAsync(target, connections, round, warmup, duration, pids, ct);
                    run.OutboxDrainSeconds = await WaitForOutboxAsync(target, ct);

                    result.Runs.Add(run);
                    HotPathPrinter.PrintRun(run);
                }
            }
        }

        if (hot.Drain)
        {
            result.Drain = await DrainAsync(targets[0], connector, hot.Connections.Max(), duration, pids, ct);
        }

        result.Memory.AddRange(fleet.Memory(targets));
        return result;
    }

    private static async Task<(HotTarget, SetupInfo, string)> PrepareAsync(
        string name, BotProcess bot, string tag, int chats, Func<int, int> closedBefore, HttpClient http, BenchConnector connector, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var setup = new HotPathSetup(http, connector, bot);
        var (saveData, sample) = await setup.PrepareAsync(tag, chats, closedBefore, running: true, 48, ct);
        var info = new SetupInfo(name, bot.Pid, tag, chats, closedBefore(0), Math.Round(clock.Elapsed.TotalSeconds, 1), setup, saveData);
        Console.WriteLine($"  {name}: {chats} chats prepared ({closedBefore(0)} closed MDOs each) in {info.Seconds} s");
        var endpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, new Uri(bot.BaseUrl).Port);
        var target = new HotTarget(name, "mdobot", endpoint, bot.Pid, info.Templates(endpoint), c => MdoDb.VersionSumAsync(bot.DatabasePath, tag, c)) { Bot = bot };
        return (target, info, sample);
    }

    /// <summary>After an MdoBot run: wait until its outbox is empty, so that its deliveries do not run into the next target's window.</summary>
    private static async Task<double?> WaitForOutboxAsync(HotTarget target, CancellationToken ct) =>
        target.Bot is { } bot ? (await MdoDb.WaitForEmptyOutboxAsync(bot.DatabasePath, RunOutboxLimit, ct)).Seconds : null;

    private static async Task<long> Stats(HttpClient http, ChildProcess child, CancellationToken ct) =>
        (long?)JsonNode.Parse(await http.GetStringAsync(new Uri(child.BaseUrl + "/_stats"), ct))?["versions"] ?? -1;

    /// <summary>--drain: a burst, then the time until MdoBot's outbox is empty, and what reached the connector meanwhile.</summary>
    private static async Task<DrainResult> DrainAsync(HotTarget target, BenchConnector connector, int connections, TimeSpan burst, IReadOnlyList<int> pids, CancellationToken ct)
    {
        var db = target.Bot!.DatabasePath;
        Console.WriteLine($"Drain: {burst.TotalSeconds:F0} s burst at {connections} connections on {target.Name}…");
        var (created, calls) = (await MdoDb.OutboxCreatedAsync(db, ct), connector.ActivityCalls);
        var run = await HotLoad.RunAsync(target, connections, 0, TimeSpan.Zero, burst, pids, ct);
        var pending = await MdoDb.PendingOutboxAsync(db, ct);
        var (seconds, empty) = await MdoDb.WaitForEmptyOutboxAsync(db, TimeSpan.FromMinutes(10), ct);
        await Task.Delay(200, ct); // the last delivered call has reached the connector before its row was deleted
        var result = new DrainResult(target.Name, connections, run.Seconds, run.Ok, run.RequestsPerSecond, run.P99Ms, pending, Math.Round(seconds, 2), empty,
            await MdoDb.OutboxCreatedAsync(db, ct) - created, connector.ActivityCalls - calls);
        HotPathPrinter.PrintDrain(result);
        return result;
    }
}
