using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage.Tests;

/// <summary>
/// The lease of several instances: expiry judged by the database's clock, a fencing token raised on every
/// takeover, every fenced write refused once the token is stale (SQLite, one process, holds it trivially).
/// </summary>
public sealed partial class PostgresStoreContractTests
{
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
        Assert.False(await leaseA.ParkAsync(item, 404, DeadLetterReasons.NotFound));
        Assert.False(await leaseA.DeferAsync(item, DateTimeOffset.UnixEpoch, 503));
        Assert.False(await leaseA.MarkReportedAsync([item.Id], []));
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
}
