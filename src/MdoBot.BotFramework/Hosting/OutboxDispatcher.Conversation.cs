using MdoBot.BotFramework.Diagnostics;
using MdoBot.BotFramework.Storage;
using Microsoft.Extensions.Logging;

namespace MdoBot.BotFramework.Hosting;

public sealed partial class OutboxDispatcher
{
    private const int ConversationBatch = 50;

    /// <summary>
    /// The delivery slots (<see cref="OutboxDeliveryOptions.MaxConcurrentConversations"/>): a run holds one while it
    /// reads and sends, and lets go of it while its chat waits for a Teams rate-limit window, so a throttled chat holds
    /// only itself.
    /// </summary>
    private readonly SemaphoreSlim _slots = new(deliveryOptions.Value.MaxConcurrentConversations);

    /// <summary>Delivers one conversation's pending messages in order until none is left, one fails temporarily, or the lease is lost.</summary>
    private async Task RunConversationAsync(OutboxLeaseHolder holder, string conversationId)
    {
        var ct = holder.Lost;
        var slot = new DeliverySlot(_slots);
        try
        {
            await slot.TakeAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                var items = await outbox.GetPendingAsync(conversationId, ConversationBatch, ct);
                if (items.Count == 0)
                {
                    return;
                }

                var updates = new List<DeliveredItem>();
                bool more;
                try
                {
                    more = await DeliverInOrderAsync(holder, items, updates, slot, ct);
                }
                finally
                {
                    // Card updates are idempotent: their delivered marks are written together, once per batch.
                    if (updates.Count > 0 && !await holder.Lease.MarkDeliveredAsync(updates, CancellationToken.None))
                    {
                        holder.Lose("a fenced mark was refused");
                    }
                }

                if (!more)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the lease was lost or the host stops
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogLoopError(logger, ex.GetType().Name);
            _runFailed = true;
        }
        finally
        {
            slot.Release();
        }
    }

    /// <summary>
    /// Delivers one conversation's messages in order; false at the first temporary failure (its not-before time is
    /// stored) or when the lease is lost. Fenced: no post unless the lease was confirmed just before it (a check, or
    /// the previous fenced mark), so a holder that lost the lease sends at most the one post that was already in flight.
    /// </summary>
    private async Task<bool> DeliverInOrderAsync(
        OutboxLeaseHolder holder, IReadOnlyList<OutboxItem> items, List<DeliveredItem> updates, DeliverySlot slot, CancellationToken ct)
    {
        var lease = holder.Lease;
        var confirmed = false;
        foreach (var item in items)
        {
            if (item.Operation is OutboxOperation.Send or OutboxOperation.Update
                && limiter.TimeUntilSlot(item.ConversationId) is var wait && wait > TimeSpan.Zero)
            {
                // Over Teams' rate limit: wait for the window without the delivery slot, which other chats use meanwhile.
                slot.Release();
                await Task.Delay(wait, limiter.Time, ct);
                await slot.TakeAsync(ct);
            }

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
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (!await RecordFailureAsync(holder, item, DeliveryFailure.Of(ex), ct))
                {
                    return false;
                }

                confirmed = true; // the park was a fenced write
            }
        }

        return true;
    }

    /// <summary>
    /// A temporary failure of a message younger than <see cref="OutboxDeliveryOptions.MaxAge"/> stores the conversation's
    /// not-before time (false: stop this conversation); anything else parks the message as a dead letter (true: go on).
    /// </summary>
    private async Task<bool> RecordFailureAsync(OutboxLeaseHolder holder, OutboxItem item, DeliveryFailure failure, CancellationToken ct)
    {
        var options = deliveryOptions.Value;
        var now = time.GetUtcNow();
        var attempt = item.Attempts + 1;
        if (!failure.Permanent && now - item.CreatedAt < options.MaxAge)
        {
            var delay = backoff.Delay(item.Attempts, failure.RetryAfter, options);
            LogDeferred(logger, item.Operation.ToString(), failure.Status, attempt, delay);
            if (!await holder.Lease.DeferAsync(item, now + delay, failure.Status, ct))
            {
                holder.Lose("a fenced mark was refused");
            }

            return false;
        }

        if (!await holder.Lease.ParkAsync(item, failure.Status, failure.Reason, ct))
        {
            holder.Lose("a fenced mark was refused");
            return false;
        }

        LogDeadLettered(logger, item.Operation.ToString(), failure.Status, failure.Reason, attempt);
        BotTelemetry.DeadLettered(failure.Reason, failure.Status);
        _reportDue = true;
        return true;
    }
}

/// <summary>A run's hold on one of the dispatcher's delivery slots (taken and released in turn, released at most once per take).</summary>
internal sealed class DeliverySlot(SemaphoreSlim slots)
{
    private bool _held;

    public async Task TakeAsync(CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        _held = true;
    }

    public void Release()
    {
        if (_held)
        {
            _held = false;
            slots.Release();
        }
    }
}
