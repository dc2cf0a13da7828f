using MdoBot.Domain.Persistence;

namespace MdoBot.Storage.Tests;

/// <summary>
/// The outbox lease row: expiry judged by the database's clock, a fencing token raised on every takeover,
/// every fenced write refused once the token is stale. "The database clock moves on" is simulated by moving
/// the stored expiry back (<see cref="AgeLeaseAsync"/>), so no test waits for time to pass.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(10);

    /// <summary>Runs raw SQL against the database of <paramref name="store"/> (as another process or the database would).</summary>
    protected abstract Task ExecuteSqlAsync(SqlStore store, string sql);

    /// <summary>As if the database's clock advanced by <paramref name="by"/> since the lease was last written.</summary>
    private Task AgeLeaseAsync(SqlStore store, TimeSpan by) =>
        ExecuteSqlAsync(store, $"UPDATE leases SET expires_at = expires_at - {(long)by.TotalMilliseconds} WHERE lease_name = 'outbox'");

    [Fact]
    public async Task Lease_HeldUntilExpired_ThenTakenOverWithHigherToken_OldHolderRefusedEverywhere()
    {
        var a = await NewStoreAsync();
        var b = await OpenSecondInstanceAsync(a);
        await a.CommitAsync(Enqueue("one"));
        var item = Assert.Single(await a.GetPendingAsync(10));

        var leaseA = Assert.IsAssignableFrom<IDeliveryLease>(await a.TryAcquireDeliveryLeaseAsync("a", Expiry));
        Assert.Null(await b.TryAcquireDeliveryLeaseAsync("b", Expiry));
        Assert.True(await leaseA.IsHeldAsync());

        await AgeLeaseAsync(a, Expiry + TimeSpan.FromMilliseconds(1));
        var leaseB = Assert.IsAssignableFrom<IDeliveryLease>(await b.TryAcquireDeliveryLeaseAsync("b", Expiry));
        Assert.True(leaseB.FencingToken > leaseA.FencingToken);

        Assert.False(await leaseA.IsHeldAsync());
        Assert.False(await leaseA.RenewAsync());
        Assert.False(await leaseA.MarkDeliveredAsync([new DeliveredItem(item, "act-stale", null)]));
        Assert.False(await leaseA.MarkFailedAsync(item, permanent: true));
        var stillPending = Assert.Single(await b.GetPendingAsync(10));
        Assert.Equal(0, stillPending.Attempts);

        Assert.True(await leaseB.IsHeldAsync());
        Assert.True(await leaseB.MarkDeliveredAsync([new DeliveredItem(item, "act-1", null)]));
        Assert.Empty(await a.GetPendingAsync(10));

        // The stale holder's release must not end the new holder's lease.
        await leaseA.DisposeAsync();
        Assert.True(await leaseB.RenewAsync());
        Assert.Null(await a.TryAcquireDeliveryLeaseAsync("a", Expiry));
    }

    [Fact]
    public async Task Lease_Renewed_OutlivesTheOriginalExpiry()
    {
        var a = await NewStoreAsync();
        var b = await OpenSecondInstanceAsync(a);
        var lease = (await a.TryAcquireDeliveryLeaseAsync("a", Expiry))!;
        await AgeLeaseAsync(a, TimeSpan.FromSeconds(6));
        Assert.True(await lease.RenewAsync());
        await AgeLeaseAsync(a, TimeSpan.FromSeconds(6)); // 12 s after acquiring, 6 s after the heartbeat

        Assert.Null(await b.TryAcquireDeliveryLeaseAsync("b", Expiry));
        Assert.True(await lease.IsHeldAsync());
    }

    [Fact]
    public async Task Lease_ExpiredButNotTakenOver_CannotBeRenewed_ReacquiringGivesNewToken()
    {
        var a = await NewStoreAsync();
        var lease = (await a.TryAcquireDeliveryLeaseAsync("a", Expiry))!;
        await AgeLeaseAsync(a, Expiry);

        Assert.False(await lease.RenewAsync());
        Assert.False(await lease.IsHeldAsync());
        var again = (await a.TryAcquireDeliveryLeaseAsync("a", Expiry))!;
        Assert.Equal(lease.FencingToken + 1, again.FencingToken);
    }

    [Fact]
    public async Task Lease_Released_NextInstanceTakesOverAtOnce()
    {
        var a = await NewStoreAsync();
        var b = await OpenSecondInstanceAsync(a);
        var lease = (await a.TryAcquireDeliveryLeaseAsync("a", Expiry))!;
        await lease.DisposeAsync();

        var next = Assert.IsAssignableFrom<IDeliveryLease>(await b.TryAcquireDeliveryLeaseAsync("b", Expiry));
        Assert.Equal(lease.FencingToken + 1, next.FencingToken);
    }

    /// <summary>The previous release's schema (2) upgrades to the lease row without losing pending messages.</summary>
    [Fact]
    public async Task Migrate_SchemaTwoDatabase_AddsLeaseRowKeepsOutbox()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(Enqueue("kept"));
        await ExecuteSqlAsync(store, "DROP TABLE leases");
        await ExecuteSqlAsync(store, "DELETE FROM schema_version WHERE version >= 3");

        var upgraded = await OpenSecondInstanceAsync(store);
        await upgraded.MigrateAsync();

        Assert.Equal("{\"m\":\"kept\"}", Assert.Single(await upgraded.GetPendingAsync(10)).ActivityJson);
        var lease = Assert.IsAssignableFrom<IDeliveryLease>(await upgraded.TryAcquireDeliveryLeaseAsync("a", Expiry));
        Assert.Equal(1, lease.FencingToken);
    }

    [Fact]
    public async Task Lease_BadArguments_Refused()
    {
        var store = await NewStoreAsync();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.TryAcquireDeliveryLeaseAsync("a", TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentException>(() => store.TryAcquireDeliveryLeaseAsync(" ", Expiry));
    }

    private static ChangeSet Enqueue(string text)
    {
        var changes = new ChangeSet();
        changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, $"{{\"m\":\"{text}\"}}"));
        return changes;
    }
}
