using MdoBot.BotFramework.Storage;
using MdoBot.Storage.Postgres;
using MdoBot.Testing;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace MdoBot.Storage.Tests;

/// <summary>
/// Pooled connections whose session is gone (pg_terminate_backend, as on a database fail-over or when an
/// operator ends a node's sessions) and a COMMIT whose acknowledgement is lost: the store retries once on a
/// fresh session, and an inbox or timer key makes the retry of an already committed change set a duplicate.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBrokenConnectionTests(PostgresServerFixture server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = TestTime.Create();
    private readonly PostgresStores _stores = new(server);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    [Fact]
    public async Task SessionsTerminated_ReadsAndCommitsSucceed_PoolClearedAfterOneRetry()
    {
        var app = "mdobot-cut-" + Guid.NewGuid().ToString("N");
        var seed = await _stores.CreateAsync(_time);
        await seed.MigrateAsync();
        var store = _stores.OpenInstance(seed, _time, app);
        var cs = _stores.ConnectionStringOf(seed);

        // Several idle sessions in the pool, then all of them ended by the server.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.LookupInboxAsync("c", $"warm-{i}"))));
        var ended = await TerminateAsync(cs, app);
        Assert.True(ended >= 2, $"{ended} pooled sessions");

        for (var i = 0; i < 6; i++)
        {
            Assert.Null((await store.LookupInboxAsync("c", $"a{i}")).Entry);
            var turn = new ChangeSet { Inbox = new InboxRecord("c", $"a{i}", 200) };
            turn.Enqueue(new OutboxItem("c", "http://x/", OutboxOperation.Send, $"{{\"n\":{i}}}"));
            Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(turn));
        }

        Assert.Equal(1, store.BrokenConnectionRetries); // the pool was cleared: the other dead sessions were never handed out
        Assert.Equal(6, (await store.GetPendingAsync(20)).Count);
    }

    [Theory]
    [InlineData("posted card")]
    [InlineData("personal conversation")]
    public async Task SessionsTerminated_TheTurnsDeliveryReads_AreRetriedToo(string read)
    {
        var app = "mdobot-cut-" + Guid.NewGuid().ToString("N");
        var seed = await _stores.CreateAsync(_time);
        await seed.MigrateAsync();
        var store = _stores.OpenInstance(seed, _time, app);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => store.LookupInboxAsync("c", $"warm-{i}"))));
        Assert.True(await TerminateAsync(_stores.ConnectionStringOf(seed), app) >= 1);

        var answer = read == "posted card" ? await store.GetPostedActivityIdAsync("c", "agenda:1") : await store.GetPersonalConversationAsync("29:u");

        Assert.Null(answer); // answered (nothing stored) instead of failing the turn
        Assert.Equal(1, store.BrokenConnectionRetries);
    }

    [Fact]
    public async Task SessionTerminatedBeforeCommit_ChangeSetWithoutKey_IsCommittedOnce()
    {
        var app = "mdobot-cut-" + Guid.NewGuid().ToString("N");
        var seed = await _stores.CreateAsync(_time);
        await seed.MigrateAsync();
        var store = _stores.OpenInstance(seed, _time, app);
        Assert.True(await store.PingAsync());
        Assert.Equal(1, await TerminateAsync(_stores.ConnectionStringOf(seed), app));

        var changes = new ChangeSet(); // no inbox or timer key: retried only because nothing had been sent yet
        changes.SaveDocument(new DocumentChange("mdo", "d1", "c", 0, "{}"));
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(changes));
        Assert.Equal(1, (await store.GetDocumentAsync("mdo", "d1"))!.Version);
        Assert.Equal(1, store.BrokenConnectionRetries);
    }

    [Fact]
    public async Task CommitAcknowledgementLost_RetryWithInboxKey_IsDuplicate_NothingAppliedTwice()
    {
        var seed = await _stores.CreateAsync(_time);
        await seed.MigrateAsync();
        var (proxy, viaProxy) = CommitAckDroppingProxy.Start(_stores.ConnectionStringOf(seed));
        await using var _ = proxy;
        await using var store = new PostgresStore(viaProxy, _time);
        var turn = new ChangeSet { Inbox = new InboxRecord("c", "act-1", 201, "{\"answer\":1}") };
        turn.SaveDocument(new DocumentChange("mdo", "d1", "c", 0, "{}"));
        turn.Enqueue(new OutboxItem("c", "http://x/", OutboxOperation.Send, "{}"));
        turn.Record(new AuditEntry(_time.GetUtcNow(), "u", "mdo.created", "c", "d1", null));

        proxy.ArmOnce();
        var outcome = await store.CommitAsync(turn);

        Assert.Equal(1, proxy.Cut);
        Assert.Equal(1, store.BrokenConnectionRetries);
        Assert.Equal(CommitOutcome.Duplicate, outcome); // the first attempt had committed: the turn replays its stored answer
        var entry = (await store.LookupInboxAsync("c", "act-1")).Entry!;
        Assert.Equal((201, "{\"answer\":1}"), (entry.Status, entry.Answer));
        Assert.Equal(1, (await store.GetDocumentAsync("mdo", "d1"))!.Version);
        Assert.Single(await store.GetPendingAsync(10));
        Assert.Single(await store.GetAuditAsync("c", 10));
    }

    [Fact]
    public async Task CommitAcknowledgementLost_RetryOfTimerFiring_IsDuplicate_NoticeQueuedOnce()
    {
        var seed = await _stores.CreateAsync(_time);
        await seed.MigrateAsync();
        var schedule = new ChangeSet();
        schedule.Schedule(new TimerRecord("warn:m1", "case.warning", _time.GetUtcNow(), "c", "{}"));
        Assert.Equal(CommitOutcome.Committed, await seed.CommitAsync(schedule));
        var (proxy, viaProxy) = CommitAckDroppingProxy.Start(_stores.ConnectionStringOf(seed));
        await using var _ = proxy;
        await using var store = new PostgresStore(viaProxy, _time);
        var firing = new ChangeSet { FiredTimerKey = "warn:m1" };
        firing.Enqueue(new OutboxItem("c", "http://x/", OutboxOperation.Send, "{\"notice\":\"warning\"}"));

        proxy.ArmOnce();
        var outcome = await store.CommitAsync(firing);

        Assert.Equal((1, 1L, CommitOutcome.Duplicate), (proxy.Cut, store.BrokenConnectionRetries, outcome));
        Assert.Single(await store.GetPendingAsync(10));
        Assert.Empty(await store.GetDueAsync(_time.GetUtcNow() + TimeSpan.FromDays(1), 10));
    }

    [Fact]
    public async Task CommitAcknowledgementLost_WithoutKey_NotRetried_ErrorSurfaces_AppliedOnce()
    {
        var seed = await _stores.CreateAsync(_time);
        await seed.MigrateAsync();
        var (proxy, viaProxy) = CommitAckDroppingProxy.Start(_stores.ConnectionStringOf(seed));
        await using var _ = proxy;
        await using var store = new PostgresStore(viaProxy, _time);
        var changes = new ChangeSet(); // nothing would tell a retry that it had been applied
        changes.Enqueue(new OutboxItem("c", "http://x/", OutboxOperation.Send, "{}"));

        proxy.ArmOnce();
        var ex = await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.CommitAsync(changes));

        Assert.True(PostgresBrokenConnection.Is(ex), ex.ToString());
        Assert.Equal(0, store.BrokenConnectionRetries);
        Assert.Single(await store.GetPendingAsync(10));
    }

    [Fact]
    public async Task StatementError_OnLiveSession_IsNotRetried()
    {
        var store = await _stores.CreateAsync(_time); // not migrated: every table is missing
        await Assert.ThrowsAsync<PostgresException>(() => store.GetDocumentAsync("mdo", "d1"));
        Assert.Equal(0, store.BrokenConnectionRetries);
    }

    private static Task<long> TerminateAsync(string cs, string app) => PostgresSql.ScalarAsync<long>(cs,
        "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @app) t", ("app", app));
}
