using MdoBot.BotFramework.Storage;
using MdoBot.Storage.Postgres;
using MdoBot.Testing;
using Npgsql;
using Microsoft.Extensions.Time.Testing;

namespace MdoBot.Storage.Tests;

/// <summary>Several MdoBot instances on one PostgreSQL database: exactly one delivers the outbox, fenced.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDeliveryLeaseTests(PostgresServerFixture server) : IAsyncLifetime
{
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = TestTime.Create();
    private readonly PostgresStores _stores = new(server);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    [Fact]
    public async Task DeliveryLease_FiveInstancesAtOnceOnAnExpiredLease_ExactlyOneTakesOver()
    {
        var a = await _stores.CreateAsync(_time);
        await a.MigrateAsync();
        var instances = Enumerable.Range(0, 5).Select(i => _stores.OpenInstance(a, _time, $"lease-{i}")).ToList();
        for (var round = 0; round < 10; round++)
        {
            var leases = await Task.WhenAll(instances.Select((s, i) => Task.Run(() => s.TryAcquireDeliveryLeaseAsync($"i{i}", Expiry))));
            var winner = Assert.Single(leases, l => l is not null)!;
            Assert.Equal(round + 1, winner.FencingToken);
            await winner.DisposeAsync();
        }
    }

    /// <summary>
    /// A takeover that starts while the old holder is inside a fenced mark waits for that commit (the mark locks
    /// the lease row FOR SHARE), so the new holder never reads a row the old holder has just marked delivered.
    /// </summary>
    [Fact]
    public async Task FencedMark_InProgressWhileTakeoverStarts_TakeoverWaitsAndSeesTheMark()
    {
        var a = await _stores.CreateAsync(_time);
        await a.MigrateAsync();
        var cs = _stores.ConnectionStringOf(a);
        var changes = new ChangeSet();
        changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, "{}"));
        await a.CommitAsync(changes);
        var lease = (await a.TryAcquireDeliveryLeaseAsync("a", Expiry))!;

        // Another session holds the same FOR SHARE lock a fenced mark takes, then the lease expires.
        await using var marker = new NpgsqlConnection(cs);
        await marker.OpenAsync();
        await using var tx = await marker.BeginTransactionAsync();
        await using (var share = new NpgsqlCommand($"SELECT token FROM leases WHERE token = {lease.FencingToken} FOR SHARE", marker, tx))
        {
            await share.ExecuteScalarAsync();
        }

        await using (var age = new NpgsqlConnection(cs))
        {
            await age.OpenAsync();
            await using var cmd = new NpgsqlCommand("SET lock_timeout = '200ms'; UPDATE leases SET expires_at = 0", age);
            await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync()); // blocked by the mark's lock
        }

        await tx.CommitAsync();
        await PostgresSql.ScalarAsync<int>(cs, "UPDATE leases SET expires_at = 0 RETURNING 1");
        var b = _stores.OpenInstance(a, _time);
        Assert.NotNull(await b.TryAcquireDeliveryLeaseAsync("b", Expiry));
        Assert.False(await lease.MarkDeliveredAsync([new DeliveredItem(Assert.Single(await b.GetPendingAsync(10)), "x", null)]));
    }

    /// <summary>Instances whose TimeProviders are a day behind and a day ahead: the lease does not care (database clock).</summary>
    [Fact]
    public async Task Lease_InstanceClockJumps_NeitherStealsALiveLeaseNorKeepsAnExpiredOne()
    {
        var a = await _stores.CreateAsync(_time);
        await a.MigrateAsync();
        var behind = _stores.OpenInstance(a, new FakeTimeProvider(_time.GetUtcNow() - TimeSpan.FromDays(1)));
        var ahead = _stores.OpenInstance(a, new FakeTimeProvider(_time.GetUtcNow() + TimeSpan.FromDays(1)));
        var lease = (await behind.TryAcquireDeliveryLeaseAsync("behind", Expiry))!;

        Assert.Null(await ahead.TryAcquireDeliveryLeaseAsync("ahead", Expiry));
        Assert.True(await lease.IsHeldAsync());

        // The database's clock passes the expiry (simulated by moving the stored expiry back).
        await PostgresSql.ScalarAsync<int>(_stores.ConnectionStringOf(a), $"UPDATE leases SET expires_at = expires_at - {(long)Expiry.TotalMilliseconds} RETURNING 1");
        Assert.False(await lease.RenewAsync());
        Assert.False(await lease.IsHeldAsync());
        Assert.NotNull(await ahead.TryAcquireDeliveryLeaseAsync("ahead", Expiry));
    }

    [Fact]
    public async Task ConnectionDefaults_AppliedWhereNotGiven_KeptWhereGiven()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=127.0.0.1;Database=x"));
        Assert.True(applied.TcpKeepAlive);
        Assert.Equal(PostgresConnectionDefaults.TcpKeepAliveTimeSeconds, applied.TcpKeepAliveTime);
        Assert.Equal(PostgresConnectionDefaults.KeepAliveSeconds, applied.KeepAlive);
        Assert.Equal(PostgresConnectionDefaults.CommandTimeoutSeconds, applied.CommandTimeout);
        Assert.Equal(PostgresConnectionDefaults.ConnectTimeoutSeconds, applied.Timeout);
        Assert.Contains("idle_in_transaction_session_timeout=10000", applied.Options, StringComparison.Ordinal);

        var kept = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(
            "Host=127.0.0.1;Tcp Keepalive=false;Keepalive=0;Command Timeout=60;Timeout=20;Options=-c idle_in_transaction_session_timeout=0"));
        Assert.False(kept.TcpKeepAlive);
        Assert.Equal(0, kept.KeepAlive);
        Assert.Equal(60, kept.CommandTimeout);
        Assert.Equal(20, kept.Timeout);
        Assert.Equal("-c idle_in_transaction_session_timeout=0", kept.Options);

        // The server applies the idle-in-transaction limit to sessions opened with these settings.
        await using var conn = new NpgsqlConnection(PostgresConnectionDefaults.Apply(server.ConnectionString));
        await conn.OpenAsync();
        await using var show = new NpgsqlCommand("SHOW idle_in_transaction_session_timeout", conn);
        Assert.Equal("10s", await show.ExecuteScalarAsync());
    }
}
