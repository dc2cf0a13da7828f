using MdoBot.BotFramework.Storage;

namespace MdoBot.BotFramework.Hosting;

/// <summary>
/// A held outbox lease and its heartbeat: renews every <see cref="OutboxLeaseOptions.LeaseHeartbeat"/> (on the
/// injected <see cref="TimeProvider"/>) and cancels <see cref="Lost"/> as soon as the store refuses a renewal
/// (expired or taken over) or no renewal has been confirmed for a whole expiry (the database is unreachable).
/// Cancelling stops the holder's deliveries early; safety does not depend on it: the store fences every mark.
/// </summary>
public sealed class OutboxLeaseHolder : IAsyncDisposable
{
    private readonly CancellationTokenSource _lost;
    private readonly TimeProvider _time;
    private readonly OutboxLeaseOptions _options;
    private readonly Task _heartbeat;
    private long _confirmedAt;

    private OutboxLeaseHolder(IDeliveryLease lease, OutboxLeaseOptions options, TimeProvider time, long acquiredAt, CancellationToken stopping)
    {
        Lease = lease;
        _options = options;
        _time = time;
        _confirmedAt = acquiredAt;
        _lost = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _heartbeat = Task.Run(HeartbeatAsync, CancellationToken.None);
    }

    public IDeliveryLease Lease { get; }

    /// <summary>Cancelled when the lease is lost (or the host stops).</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Why the lease was lost, for the log.</summary>
    public string? LostReason { get; private set; }

    public static async Task<OutboxLeaseHolder?> TryAcquireAsync(
        IOutboxStore outbox, string holderId, OutboxLeaseOptions options, TimeProvider time, CancellationToken stopping)
    {
        var before = time.GetTimestamp();
        var lease = await outbox.TryAcquireDeliveryLeaseAsync(holderId, options.LeaseExpiry, stopping);
        return lease is null ? null : new OutboxLeaseHolder(lease, options, time, before, stopping);
    }

    /// <summary>Gives the lease up here (a fenced write was refused, so another instance holds it).</summary>
    public void Lose(string reason)
    {
        LostReason ??= reason;
        try
        {
            _lost.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // already disposed: nothing left to stop
        }
    }

    private async Task HeartbeatAsync()
    {
        while (!_lost.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.LeaseHeartbeat, _time, _lost.Token);
                var sentAt = _time.GetTimestamp();
                if (await Lease.RenewAsync(_lost.Token))
                {
                    _confirmedAt = sentAt;
                }
                else
                {
                    Lose("expired or taken over");
                }
            }
            catch (OperationCanceledException) when (_lost.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Unknown outcome (database unreachable, command time-out of half the expiry): keep trying until a whole expiry passed unconfirmed.
                if (_time.GetElapsedTime(_confirmedAt) >= _options.LeaseExpiry)
                {
                    Lose("not renewed within its expiry (" + ex.GetType().Name + ")");
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Lose("released");
        await _heartbeat;
        await Lease.DisposeAsync();
        _lost.Dispose();
    }
}
