using System.Diagnostics;
using System.Globalization;
using MdoBot.EndToEnd.Tests.Crash;
using MdoBot.Testing;
using Xunit.Abstractions;

namespace MdoBot.EndToEnd.Tests.Cluster;

/// <summary>
/// Two or three MdoBot processes on one PostgreSQL schema behind a <see cref="RoundRobinProxy"/>, with the
/// <see cref="FakeBotConnector"/> recording every post. Reusable by every multi-instance test (freeze, kill,
/// cut connections, database restart).
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private TestCluster(ITestOutputHelper output, string cs, FakeBotConnector connector, IReadOnlyList<ClusterNode> nodes, RoundRobinProxy proxy)
    {
        _output = output;
        ConnectionString = cs;
        Connector = connector;
        Nodes = nodes;
        Proxy = proxy;
    }

    public string ConnectionString { get; }

    public FakeBotConnector Connector { get; }

    public IReadOnlyList<ClusterNode> Nodes { get; }

    public RoundRobinProxy Proxy { get; }

    public ClusterSettings Settings { get; private init; } = ClusterSettings.Short;

    /// <summary>Where the fast clock's origin is kept (with a time scale), removed at the end.</summary>
    private string? ClockDirectory { get; init; }

    public static async Task<TestCluster> StartAsync(ITestOutputHelper output, ClusterDatabase database, int nodes = 3, ClusterSettings? settings = null)
    {
        settings ??= ClusterSettings.Short;
        var cs = await database.CreateSchemaAsync();
        var connector = await FakeBotConnector.StartAsync();
        var clock = Path.Combine(Path.GetTempPath(), $"mdobot-cluster-clock-{Guid.NewGuid():N}", "unused.db");
        var list = Enumerable.Range(1, nodes).Select(n => new ClusterNode(n, cs, settings, clock)).ToList();
        await list[0].StartAsync(); // the first one migrates; the others start together
        await Task.WhenAll(list.Skip(1).Select(n => n.StartAsync()));
        var proxy = await RoundRobinProxy.StartAsync(list);
        var cluster = new TestCluster(output, cs, connector, list, proxy) { Settings = settings, ClockDirectory = Path.GetDirectoryName(clock)! };
        await cluster.WaitForHolderAsync(TimeSpan.FromSeconds(30));
        var warmUp = cluster.WarmUpChat;
        foreach (var node in list)
        {
            // The first turn of a fresh process is slow (JIT): taken here, not inside the scenario.
            await PostDirectAsync(node, warmUp.Say(CrashChat.Nurse, "help", $"warm-up-{node.Name}"));
        }

        return cluster;
    }

    /// <summary>Posts an activity to one node, bypassing the proxy; returns the HTTP status.</summary>
    public static async Task<int> PostDirectAsync(ClusterNode node, System.Text.Json.Nodes.JsonObject activity)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("api/messages", UriKind.Relative), content);
        return (int)response.StatusCode;
    }

    public void Log(string line) => _output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {line}");

    /// <summary><paramref name="count"/> meeting chats, their members known to the connector.</summary>
    public IReadOnlyList<CrashChat> Chats(int count) => Enumerable.Range(1, count).Select(i =>
    {
        var chat = new CrashChat(Connector.ServiceUrl, $"19:meeting_cluster{i}@thread.v2", $"MCMxOTptZWV0aW5nX2NsdXN0ZXJ{i}");
        chat.RegisterMembers(Connector);
        return chat;
    }).ToList();

    /// <summary>A chat outside every load, for direct posts (warm-up, "does this node still answer").</summary>
    public CrashChat WarmUpChat
    {
        get
        {
            var chat = new CrashChat(Connector.ServiceUrl, "19:meeting_warmup@thread.v2", "MCMxOTptZWV0aW5nX3dhcm11cA");
            chat.RegisterMembers(Connector);
            return chat;
        }
    }

    /// <summary>The node whose PID is in the lease row (the current holder), once someone holds it.</summary>
    public async Task<(ClusterNode Node, long Token)> WaitForHolderAsync(TimeSpan timeout, long newerThan = 0, ClusterNode? notThis = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var (holder, token) = await ClusterDatabase.LeaseAsync(ConnectionString);
            var pid = holder.Split('/') is [_, var p, _] && int.TryParse(p, CultureInfo.InvariantCulture, out var v) ? v : 0;
            if (token > newerThan && Nodes.FirstOrDefault(n => n.Pid == pid) is { } node && node != notThis)
            {
                return (node, token);
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"No new lease holder within {timeout} (row: '{holder}', token {token}).\n{Tails()}");
            }

            await Task.Delay(50); // polling a real database row in real time
        }
    }

    /// <summary>Posts to a meeting chat, in the order the connector received them.</summary>
    public List<RecordedCall> Posts(string conversationId) =>
        Connector.Calls.Where(c => c.Kind == "send" && c.ConversationId == conversationId).ToList();

    /// <summary>Waits until the outbox is empty and every expected post arrived (or the timeout).</summary>
    public async Task DrainAsync(ClusterLoad load, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            var complete = load.Expected.All(e => Posts(e.Key).Count >= e.Value.Count);
            if (complete && await ClusterDatabase.PendingOutboxAsync(ConnectionString) == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Outbox not drained within {timeout}: {await ClusterDatabase.PendingOutboxAsync(ConnectionString)} pending.\n{Tails()}");
    }

    /// <summary>Checks every chat: all expected posts, in order; returns the repeated posts per chat.</summary>
    public DeliveryReport Check(ClusterLoad load)
    {
        var report = new DeliveryReport();
        foreach (var (conversation, expected) in load.Expected)
        {
            List<(string Kind, DateTimeOffset At)> posts = [.. Posts(conversation).Select(p => (PostKinds.Of(p), p.At))];
            List<(string Kind, DateTimeOffset AckedAt)> acked;
            lock (load.Expected)
            {
                acked = [.. expected];
            }

            report.Add(conversation, acked, posts);
        }

        return report;
    }

    public string Tails() => string.Join('\n', Nodes.Select(n => n.Tail(25)));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            foreach (var line in node.Lines("OutboxDispatcher").Concat(node.Lines("fail:", after: 4)).Distinct().Take(30))
            {
                Log($"{node.Name}: {line}");
            }
        }

        await Proxy.DisposeAsync();
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        await Connector.DisposeAsync();
        if (ClockDirectory is { } dir && Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
