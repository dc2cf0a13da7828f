using MdoBot.Storage.Sqlite;
using MdoBot.BotFramework.Hosting;
using MdoBot.Testing;

namespace MdoBot.Web.Tests;

/// <summary>
/// The outbox lease holder's heartbeat on a real SQLite store, scheduled on a <see cref="TestClock"/>: each
/// step waits for the heartbeat to arm its next delay (a signal, no polling) and moves the clock to it.
/// </summary>
public sealed class OutboxLeaseHolderTests : IDisposable
{
    private static readonly OutboxLeaseOptions Options = new() { LeaseHeartbeat = TimeSpan.FromSeconds(2), LeaseExpiry = TimeSpan.FromSeconds(10) };
    private readonly string _dir = Directory.CreateTempSubdirectory("mdobot-lease-").FullName;
    private readonly TestClock _time = new();

    [Fact]
    public async Task Heartbeat_KeepsTheLeaseWellPastItsExpiry()
    {
        var store = await StoreAsync();
        await using var holder = (await OutboxLeaseHolder.TryAcquireAsync(store, "a", Options, _time, CancellationToken.None))!;
        while (_time.Elapsed < TimeSpan.FromSeconds(30))
        {
            await _time.AdvanceToNextDelayAsync(); // one heartbeat: renew, then arm the next delay
        }

        Assert.False(holder.IsLost);
        Assert.True(await holder.Lease.IsHeldAsync());
        Assert.True(await holder.Lease.RenewAsync());
    }

    [Fact]
    public async Task RenewalRefused_AfterATakeover_LostIsCancelled()
    {
        var store = await StoreAsync();
        await using var holder = (await OutboxLeaseHolder.TryAcquireAsync(store, "a", Options, _time, CancellationToken.None))!;
        var newer = await store.TryAcquireDeliveryLeaseAsync("b", Options.LeaseExpiry); // SQLite: taking it anew always succeeds

        Assert.NotNull(newer);
        Assert.Equal(Options.LeaseHeartbeat, await _time.NextDelayAsync());
        _time.Advance(Options.LeaseHeartbeat);
        await holder.Lost.WhenCancelledAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("expired or taken over", holder.LostReason);
    }

    [Fact]
    public void Options_OutOfBounds_Refused()
    {
        Assert.Null(Options.Validate());
        Assert.NotNull(new OutboxLeaseOptions { LeaseHeartbeat = TimeSpan.FromMilliseconds(50) }.Validate());
        Assert.NotNull(new OutboxLeaseOptions { LeaseHeartbeat = TimeSpan.FromSeconds(5), LeaseExpiry = TimeSpan.FromSeconds(10) }.Validate());
        Assert.NotNull(new OutboxLeaseOptions { LeaseExpiry = TimeSpan.FromMinutes(6) }.Validate());
    }

    private async Task<SqliteStore> StoreAsync()
    {
        var store = new SqliteStore(Path.Combine(_dir, "mdobot.db"), _time);
        await store.MigrateAsync();
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}

internal static class CancellationTokenWaits
{
    public static Task WhenCancelledAsync(this CancellationToken token, TimeSpan timeout)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => cancelled.TrySetResult());
        return cancelled.Task.WaitAsync(timeout);
    }
}
