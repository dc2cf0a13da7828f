using System.Diagnostics;
using System.Globalization;
using MdoBot.EndToEnd.Tests.Crash;
using Xunit.Abstractions;

namespace MdoBot.EndToEnd.Tests.Cluster;

/// <summary>
/// Several real MdoBot processes on one real PostgreSQL server behind a round-robin proxy, with scripted meeting
/// chats running at once, while the outbox lease holder is frozen (SIGSTOP), killed (SIGKILL), has its database
/// sessions terminated, or the database restarts. Lease settings: heartbeat 0.5 s, expiry 2 s. The waits here
/// are real time on purpose: the scenario is real processes and a real server.
/// </summary>
public sealed partial class LeaseFailoverTests(ClusterDatabase database, ITestOutputHelper output) : IClassFixture<ClusterDatabase>
{
    private const int ChatCount = 5;

    /// <summary>Stated takeover bound: expiry + one heartbeat, plus 3 s for a loaded 2-core machine.</summary>
    private static TimeSpan TakeoverBound(ClusterSettings s) => s.Expiry + s.Heartbeat + TimeSpan.FromSeconds(3);

    private static TimeSpan FreezeFor =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("MDOBOT_CLUSTER_FREEZE_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 40);

    [Fact]
    public async Task HolderFrozen_AnotherNodeDeliversWithinBound_ResumedHolderSendsNothingStale_OrderKept()
    {
        await using var cluster = await TestCluster.StartAsync(output, database, nodes: 3);
        var (holder, token) = await cluster.WaitForHolderAsync(TimeSpan.FromSeconds(30));
        await using var load = new ClusterLoad(cluster.Proxy.BaseAddress, cluster.Chats(ChatCount));
        await Task.Delay(TimeSpan.FromSeconds(4));

        var frozenAt = DateTimeOffset.UtcNow;
        holder.Freeze();
        cluster.Log($"froze {holder.Name} (pid {holder.Pid}, token {token})");
        var (next, newToken) = await cluster.WaitForHolderAsync(TakeoverBound(cluster.Settings) + TimeSpan.FromSeconds(10), token, holder);
        var takeover = DateTimeOffset.UtcNow - frozenAt;
        cluster.Log($"{next.Name} took over (token {newToken}) after {takeover.TotalSeconds:0.00} s");

        await Task.Delay(FreezeFor - (DateTimeOffset.UtcNow - frozenAt));
        var thawedAt = DateTimeOffset.UtcNow;
        var postsWhileFrozen = cluster.Connector.Calls.Count(c => c.Kind == "send" && c.At > frozenAt && c.At < thawedAt);
        holder.Thaw();
        cluster.Log($"thawed {holder.Name} after {(thawedAt - frozenAt).TotalSeconds:0.0} s; {postsWhileFrozen} posts while frozen");
        await Task.Delay(TimeSpan.FromSeconds(4));
        await load.StopAsync();
        await cluster.DrainAsync(load, TimeSpan.FromSeconds(60));

        var report = cluster.Check(load);
        cluster.Log($"{report}; redeliveries {load.Redeliveries}");
        Assert.True(takeover <= TakeoverBound(cluster.Settings), $"takeover took {takeover}");
        // A message acknowledged while the holder was frozen (or just before) reaches the connector within the
        // takeover bound plus one idle poll (a heartbeat: the wake-up of another instance's commit does not reach the holder).
        var latency = report.MaxLatencySince(frozenAt - TimeSpan.FromSeconds(1));
        Assert.True(latency <= TakeoverBound(cluster.Settings) + cluster.Settings.Heartbeat, $"a post came {latency} after its acknowledgement");
        Assert.True(postsWhileFrozen > 0);
        Assert.Empty(report.Violations);
        Assert.All(report.Repeats.Values, r => Assert.True(r <= 1, report.ToString()));
        Assert.NotEmpty(holder.Lines("Outbox lease lost"));
        AssertNoServerErrors(cluster);
    }

    [Fact]
    public async Task HolderSessionsTerminatedMidBatch_NoTurnAnswered5xx_NoDoublePost_NothingLost()
    {
        await using var cluster = await TestCluster.StartAsync(output, database, nodes: 2);
        cluster.Connector.SendDelay = TimeSpan.FromMilliseconds(40); // batches last, so terminations land inside them
        await using var load = new ClusterLoad(cluster.Proxy.BaseAddress, cluster.Chats(ChatCount));
        await Task.Delay(TimeSpan.FromSeconds(3));

        var terminated = 0;
        var midBatch = 0;
        var cut = new HashSet<ClusterNode>();
        for (var i = 0; i < 12; i++)
        {
            var (holder, _) = await cluster.WaitForHolderAsync(TimeSpan.FromSeconds(30));
            midBatch += await ClusterDatabase.PendingOutboxAsync(cluster.ConnectionString) > 0 ? 1 : 0;
            terminated += await ClusterDatabase.TerminateSessionsAsync(cluster.ConnectionString, holder.ApplicationName);
            cut.Add(holder);
            await Task.Delay(TimeSpan.FromMilliseconds(400));
        }

        await load.StopAsync();
        await cluster.DrainAsync(load, TimeSpan.FromSeconds(60));
        var report = cluster.Check(load);
        var cutErrors = cluster.Proxy.Answers.Count(a => a.Status >= 500 && cut.Any(n => n.Name == a.Node));
        cluster.Log($"{terminated} sessions of {string.Join(", ", cut.Select(n => n.Name))} terminated in 12 rounds ({midBatch} with messages pending); "
            + $"{report}; turns answered 5xx by the node whose sessions were cut: {cutErrors}");
        Assert.True(terminated >= 12 && midBatch > 0);
        Assert.Empty(report.Violations);
        Assert.Equal(0, report.TotalRepeats);
        // The dead pooled sessions are retried on fresh ones (the store clears the pool): not even the cut node answers 5xx.
        AssertNoServerErrors(cluster);
    }

    [Fact]
    public async Task DatabaseRestarts_EveryNodeRecoversWithoutRestart_NothingLost()
    {
        await using var cluster = await TestCluster.StartAsync(output, database, nodes: 2);
        var (_, token) = await cluster.WaitForHolderAsync(TimeSpan.FromSeconds(30));
        await using var load = new ClusterLoad(cluster.Proxy.BaseAddress, cluster.Chats(ChatCount));
        await Task.Delay(TimeSpan.FromSeconds(3));

        var downtime = await database.RestartAsync();
        cluster.Log($"PostgreSQL restarted in {downtime.TotalSeconds:0.0} s");
        await Task.Delay(TimeSpan.FromSeconds(5));
        await load.StopAsync();
        await cluster.DrainAsync(load, TimeSpan.FromSeconds(60));
        var report = cluster.Check(load);
        var (after, newToken) = await cluster.WaitForHolderAsync(TimeSpan.FromSeconds(30));
        cluster.Log($"{report}; lease token {token} → {newToken} ({after.Name}); redeliveries {load.Redeliveries}");

        Assert.Empty(report.Violations);
        Assert.All(report.Repeats.Values, r => Assert.True(r <= 1, report.ToString()));
        foreach (var node in cluster.Nodes)
        {
            Assert.True(node.IsAlive, $"{node.Name} exited");
            Assert.Equal(200, await TestCluster.PostDirectAsync(node, cluster.WarmUpChat.Say(CrashChat.Nurse, "help", $"direct-{node.Name}")));
        }
    }

    /// <summary>No turn answered 5xx by a node that was not itself the victim (<paramref name="except"/>).</summary>
    private static void AssertNoServerErrors(TestCluster cluster, IReadOnlyCollection<ClusterNode>? except = null)
    {
        var errors = cluster.Proxy.Answers.Where(a => a.Status >= 500 && except?.Any(n => n.Name == a.Node) != true).ToList();
        Assert.True(errors.Count == 0, string.Join(", ", errors.Select(e => $"{e.Node}: {e.Status}")));
    }
}
