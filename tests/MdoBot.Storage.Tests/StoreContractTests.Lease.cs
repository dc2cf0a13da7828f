using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage.Tests;

/// <summary>
/// The outbox lease row, for every provider; the expiry tests (several instances) are PostgreSQL's
/// (<c>PostgresStoreContractTests.Lease.cs</c>). "The database clock moves on" is simulated by moving the
/// stored expiry back (<see cref="AgeLeaseAsync"/>), so no test waits for time to pass.
/// </summary>
public abstract partial class StoreContractTests
{
    protected static readonly TimeSpan Expiry = TimeSpan.FromSeconds(10);

    /// <summary>Runs raw SQL against the database of <paramref name="store"/> (as another process or the database would).</summary>
    protected abstract Task ExecuteSqlAsync(SqlStore store, string sql);

    /// <summary>As if the database's clock advanced by <paramref name="by"/> since the lease was last written.</summary>
    protected Task AgeLeaseAsync(SqlStore store, TimeSpan by) =>
        ExecuteSqlAsync(store, $"UPDATE leases SET expires_at = expires_at - {(long)by.TotalMilliseconds} WHERE lease_name = 'outbox'");

    /// <summary>The previous release's schema (2) upgrades to the lease row without losing pending messages.</summary>
    [Fact]
    public async Task Migrate_SchemaTwoDatabase_AddsLeaseRowKeepsOutbox()
    {
        var store = await CreateUnmigratedStoreAsync();
        await store.MigrateToAsync(2);
        await store.CommitAsync(Enqueue("kept"));

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

    /// <summary>Parks <paramref name="item"/> as a 404 dead letter under a lease taken (and released) for it.</summary>
    protected static Task<bool> ParkAsync(SqlStore store, OutboxItem item) =>
        WithLeaseAsync(store, lease => lease.ParkAsync(item, 404, DeadLetterReasons.NotFound));

    /// <summary>Records a temporary failure (503) of <paramref name="item"/> with the conversation's next not-before time.</summary>
    protected static Task<bool> DeferAsync(SqlStore store, OutboxItem item, DateTimeOffset notBefore) =>
        WithLeaseAsync(store, lease => lease.DeferAsync(item, notBefore, 503));

    protected static async Task<bool> WithLeaseAsync(SqlStore store, Func<IDeliveryLease, Task<bool>> act)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(act);
        await using var lease = await store.TryAcquireDeliveryLeaseAsync("test", Expiry) ?? throw new InvalidOperationException("The lease is held.");
        return await act(lease);
    }

    protected static ChangeSet Enqueue(string text)
    {
        var changes = new ChangeSet();
        changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, $"{{\"m\":\"{text}\"}}"));
        return changes;
    }
}
