using System.Text.Json;
using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MdoBot.BotFramework.Hosting;

/// <summary>
/// Delivers stored outgoing messages through the connector: in order per conversation, several
/// conversations at once. A message stays stored until delivered, so a restart loses none.
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutboxStore outbox,
    OutboxDelivery delivery,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<OutboxLeaseOptions> leaseOptions,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private const int MaxAttempts = 8;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);
    private readonly string _holderId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        OutboxLeaseHolder? holder = null;
        try
        {
            await RunAsync(h => holder = h, () => holder, stoppingToken);
        }
        finally
        {
            if (holder is not null)
            {
                await holder.DisposeAsync();
            }
        }
    }

    private async Task RunAsync(Action<OutboxLeaseHolder?> setHolder, Func<OutboxLeaseHolder?> getHolder, CancellationToken stoppingToken)
    {
        var options = leaseOptions.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var hadFailure = false;
            try
            {
                if (getHolder() is { IsLost: true } lost)
                {
                    LogLeaseLost(logger, lost.Lease.FencingToken, lost.LostReason ?? "unknown");
                    setHolder(null);
                    await lost.DisposeAsync();
                }

                if (getHolder() is null)
                {
                    setHolder(await OutboxLeaseHolder.TryAcquireAsync(outbox, _holderId, options, time, stoppingToken));
                    if (getHolder() is not { } acquired)
                    {
                        // Another instance delivers: try again after a heartbeat (wake-ups do not hurry this).
                        await Task.Delay(options.LeaseHeartbeat, time, stoppingToken);
                        continue;
                    }

                    LogLeaseAcquired(logger, acquired.Lease.FencingToken, _holderId);
                }

                var holder = getHolder()!;
                var pending = await outbox.GetPendingAsync(BatchSize, holder.Lost);
                if (pending.Count > 0)
                {
                    var updates = new DeliveredUpdates();
                    bool[] results;
                    try
                    {
                        results = await Task.WhenAll(pending.GroupBy(p => p.ConversationId)
                            .Select(g => DeliverInOrderAsync(holder, g.ToList(), updates, holder.Lost)));
                    }
                    finally
                    {
                        // Card updates are idempotent: their delivered marks are written together, once per batch.
                        if (updates.Drain() is { Count: > 0 } delivered && !await holder.Lease.MarkDeliveredAsync(delivered, CancellationToken.None))
                        {
                            holder.Lose("a fenced mark was refused");
                        }
                    }

                    if (holder.IsLost)
                    {
                        continue; // logged, released and taken anew (or left to the new holder) at the top of the loop
                    }

                    hadFailure = results.Contains(false);
                    if (!hadFailure)
                    {
                        continue; // more may be waiting
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException) when (getHolder() is { IsLost: true })
            {
                continue; // the lease was lost mid-batch: logged and released at the top of the loop
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogLoopError(logger, ex.GetType().Name);
                hadFailure = true;
            }

            // Wake-ups are in-process: messages committed by another instance are found by this poll, at
            // the latest one heartbeat later.
            var idle = options.LeaseHeartbeat < IdlePoll ? options.LeaseHeartbeat : IdlePoll;
            await signal.Signal.WaitAsync(hadFailure ? TimeSpan.FromSeconds(2) : idle, time, stoppingToken);
        }
    }

    /// <summary>
    /// Delivers one conversation's messages in order; stops at the first transient failure. Fenced: no post
    /// unless the lease was confirmed just before it (a check, or the previous post's fenced mark), so a holder
    /// that lost the lease sends at most the one post that was already in flight.
    /// </summary>
    private async Task<bool> DeliverInOrderAsync(OutboxLeaseHolder holder, List<OutboxItem> items, DeliveredUpdates updates, CancellationToken ct)
    {
        var lease = holder.Lease;
        var confirmed = false;
        foreach (var item in items)
        {
            if (!confirmed && !await lease.IsHeldAsync(ct))
            {
                holder.Lose("the check before a post was refused");
                return false;
            }

            confirmed = false;
            try
            {
                var (activityId, createdConversation) = await delivery.DeliverAsync(item, ct);
                var delivered = new DeliveredItem(item, activityId, createdConversation);
                if (item.Operation == OutboxOperation.Update)
                {
                    updates.Add(delivered);
                }
                else
                {
                    // A post is not idempotent: mark it at once, so a restart re-posts at most the one in flight.
                    if (!await MarkPostedAsync(holder, delivered))
                    {
                        return false;
                    }

                    confirmed = true;
                }
            }
            catch (ConnectorException ex)
            {
                var permanent = ex.StatusCode is >= 400 and < 500 and not 429 and not 412 || item.Attempts + 1 >= MaxAttempts;
                LogDeliveryFailed(logger, item.Operation.ToString(), ex.StatusCode, item.Attempts + 1, permanent);
                await lease.MarkFailedAsync(item, permanent, ct);
                if (!permanent)
                {
                    return false;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Anything else must not stall the queue: a malformed item fails for good, others retry a few times.
                var permanent = ex is JsonException or ArgumentException or UriFormatException or NotSupportedException or FormatException
                    || item.Attempts + 1 >= MaxAttempts;
                LogDeliveryFailed(logger, item.Operation.ToString(), 0, item.Attempts + 1, permanent);
                await lease.MarkFailedAsync(item, permanent, ct);
                if (!permanent)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The fenced delivered-mark of a post, retried while the lease holds: a dropped database connection
    /// (terminated backend, restart) must not leave a sent post pending, or this holder would post it again.
    /// False when refused (another holder now owns the outbox) or when the lease was lost meanwhile.
    /// </summary>
    private async Task<bool> MarkPostedAsync(OutboxLeaseHolder holder, DeliveredItem delivered)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await holder.Lease.MarkDeliveredAsync([delivered], holder.Lost))
                {
                    return true;
                }

                holder.Lose("a fenced mark was refused");
                return false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException && !holder.IsLost)
            {
                LogMarkRetry(logger, attempt, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * attempt)), time, holder.Lost);
            }
        }
    }

    /// <summary>Delivered card updates of one batch, from all conversations, marked in one commit.</summary>
    private sealed class DeliveredUpdates
    {
        private readonly Lock _gate = new();
        private List<DeliveredItem> _items = [];

        public void Add(DeliveredItem item)
        {
            lock (_gate)
            {
                _items.Add(item);
            }
        }

        public IReadOnlyList<DeliveredItem> Drain()
        {
            lock (_gate)
            {
                var items = _items;
                _items = [];
                return items;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox delivery of {Operation} failed with {Status} (attempt {Attempt}, permanent: {Permanent})")]
    private static partial void LogDeliveryFailed(ILogger logger, string operation, int status, int attempt, bool permanent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox lease acquired: fencing token {Token}, holder {Holder}")]
    private static partial void LogLeaseAcquired(ILogger logger, long token, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox lease lost: fencing token {Token}, {Reason}")]
    private static partial void LogLeaseLost(ILogger logger, long token, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivered-mark failed (attempt {Attempt}, {Error}); retrying while the lease holds")]
    private static partial void LogMarkRetry(ILogger logger, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox loop error: {Error}")]
    private static partial void LogLoopError(ILogger logger, string error);
}
