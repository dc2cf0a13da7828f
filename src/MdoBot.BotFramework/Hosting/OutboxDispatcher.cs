using System.Text.Json;
using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private const int MaxAttempts = 8;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IDeliveryLease? lease = null;
        try
        {
            await RunAsync(l => lease = l, () => lease, stoppingToken);
        }
        finally
        {
            if (lease is not null)
            {
                await lease.DisposeAsync();
            }
        }
    }

    private async Task RunAsync(Action<IDeliveryLease?> setLease, Func<IDeliveryLease?> getLease, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var hadFailure = false;
            try
            {
                if (getLease() is { } held && !await held.IsHeldAsync(stoppingToken))
                {
                    await held.DisposeAsync();
                    setLease(null);
                }

                if (getLease() is null)
                {
                    setLease(await outbox.TryAcquireDeliveryLeaseAsync(stoppingToken));
                    if (getLease() is null)
                    {
                        // Another instance delivers; check again later.
                        await signal.Signal.WaitAsync(IdlePoll, time, stoppingToken);
                        continue;
                    }
                }

                var pending = await outbox.GetPendingAsync(BatchSize, stoppingToken);
                if (pending.Count > 0)
                {
                    var updates = new DeliveredUpdates();
                    bool[] results;
                    try
                    {
                        results = await Task.WhenAll(pending.GroupBy(p => p.ConversationId)
                            .Select(g => DeliverInOrderAsync(g.ToList(), updates, stoppingToken)));
                    }
                    finally
                    {
                        // Card updates are idempotent: their delivered marks are written together, once per batch.
                        await outbox.MarkDeliveredAsync(updates.Drain(), CancellationToken.None);
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
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogLoopError(logger, ex.GetType().Name);
                hadFailure = true;
            }

            await signal.Signal.WaitAsync(hadFailure ? TimeSpan.FromSeconds(2) : IdlePoll, time, stoppingToken);
        }
    }

    /// <summary>Delivers one conversation's messages in order; stops at the first transient failure.</summary>
    private async Task<bool> DeliverInOrderAsync(List<OutboxItem> items, DeliveredUpdates updates, CancellationToken ct)
    {
        foreach (var item in items)
        {
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
                    await outbox.MarkDeliveredAsync([delivered], ct);
                }
            }
            catch (ConnectorException ex)
            {
                var permanent = ex.StatusCode is >= 400 and < 500 and not 429 and not 412 || item.Attempts + 1 >= MaxAttempts;
                LogDeliveryFailed(logger, item.Operation.ToString(), ex.StatusCode, item.Attempts + 1, permanent);
                await outbox.MarkFailedAsync(item, permanent, ct);
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
                await outbox.MarkFailedAsync(item, permanent, ct);
                if (!permanent)
                {
                    return false;
                }
            }
        }

        return true;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox loop error: {Error}")]
    private static partial void LogLoopError(ILogger logger, string error);
}
