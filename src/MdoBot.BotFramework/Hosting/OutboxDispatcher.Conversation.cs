using System.Collections.Concurrent;
using MdoBot.BotFramework.Diagnostics;
using MdoBot.BotFramework.Storage;
using Microsoft.Extensions.Logging;

namespace MdoBot.BotFramework.Hosting;

public sealed partial class OutboxDispatcher
{
    private const int ConversationBatch = 50;

    /// <summary>
    /// A rate-limit wait this long or longer ends the conversation's run instead of holding its delivery slot: the
    /// 30-second and hourly windows. The per-second windows (at most 2 s) are waited out inside the run, which costs
    /// less than leaving and being scheduled again every few messages.
    /// </summary>
    internal static readonly TimeSpan ThrottleYield = TimeSpan.FromSeconds(3);

    /// <summary>Conversations waiting for a rate slot, each with a wake-up pending on the limiter's clock.</summary>
    private readonly ConcurrentDictionary<string, byte> _throttled = new(StringComparer.Ordinal);

    /// <summary>Delivers one conversation's pending messages in order until none is left, one fails temporarily, or the lease is lost.</summary>
    private async Task RunConversationAsync(OutboxLeaseHolder holder, string conversationId)
    {
        var ct = holder.Lost;
        try
        {
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
                    more = await DeliverInOrderAsync(holder, items, updates, ct);
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
    }

    /// <summary>
    /// Delivers one conversation's messages in order; false at the first temporary failure (its not-before time is
    /// stored), when the conversation is over Teams' rate limit for a while, or when the lease is lost. Fenced: no post unless the lease was confirmed just before it (a check, or
    /// the previous fenced mark), so a holder that lost the lease sends at most the one post that was already in flight.
    /// </summary>
    private async Task<bool> DeliverInOrderAsync(OutboxLeaseHolder holder, IReadOnlyList<OutboxItem> items, List<DeliveredItem> updates, CancellationToken ct)
    {
        var lease = holder.Lease;
        var confirmed = false;
        foreach (var item in items)
        {
            if (item.Operation is OutboxOperation.Send or OutboxOperation.Update && StillThrottled(item.ConversationId, ct))
            {
                return false; // over Teams' rate limit for a while: leave the slot to other chats until it is free
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
