using MdoBot.BotFramework.Storage;

namespace MdoBot.BotFramework.Hosting;

/// <summary>Starting the per-conversation runs within the bound, and waiting for them all to end (before a lease changes hands).</summary>
public sealed partial class OutboxDispatcher
{
    /// <summary>Starts a run for each due conversation that has none, within the bound; returns the next not-before time.</summary>
    private async Task<DateTimeOffset?> StartDueRunsAsync(OutboxLeaseHolder holder)
    {
        var free = deliveryOptions.Value.MaxConcurrentConversations - _running.Count;
        if (free <= 0)
        {
            return null; // a finished run wakes the loop
        }

        // Running and rate-limited conversations are in the schedule too: ask for enough to fill the free slots.
        var schedule = await outbox.GetScheduleAsync(time.GetUtcNow(), free + _running.Count + _throttled.Count, holder.Lost);
        foreach (var conversationId in schedule.Due)
        {
            if (free == 0)
            {
                break;
            }

            if (!_running.ContainsKey(conversationId) && !StillThrottled(conversationId, holder.Lost))
            {
                Start(holder, conversationId);
                free--;
            }
        }

        return schedule.NextNotBefore;
    }

    /// <summary>
    /// True while the conversation's next send would wait at least <see cref="ThrottleYield"/> for a rate slot; the
    /// loop is woken (on the limiter's clock) when the slot is free.
    /// </summary>
    private bool StillThrottled(string conversationId, CancellationToken ct)
    {
        var wait = limiter.TimeUntilSlot(conversationId);
        if (wait < ThrottleYield)
        {
            _throttled.TryRemove(conversationId, out _);
            return false;
        }

        if (_throttled.TryAdd(conversationId, 0))
        {
            _ = WakeWhenFreeAsync(conversationId, wait, ct);
        }

        return true;
    }

    private async Task WakeWhenFreeAsync(string conversationId, TimeSpan wait, CancellationToken ct)
    {
        try
        {
            await Task.Delay(wait, limiter.Time, ct);
        }
        catch (OperationCanceledException)
        {
            // the lease was lost or the host stops: the next holder starts from the schedule
        }
        finally
        {
            _throttled.TryRemove(conversationId, out _);
            signal.Signal.Notify();
        }
    }

    private void Start(OutboxLeaseHolder holder, string conversationId)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running[conversationId] = RunTrackedAsync();
        go.SetResult();

        async Task RunTrackedAsync()
        {
            await go.Task;
            try
            {
                await RunConversationAsync(holder, conversationId);
            }
            finally
            {
                _running.TryRemove(conversationId, out _);
                signal.Signal.Notify(); // the loop looks again: more may be due, or dead letters to report
            }
        }
    }

    private async Task StopRunsAsync()
    {
        while (_running.Values.ToList() is { Count: > 0 } runs)
        {
            await Task.WhenAll(runs); // runs never throw: they log and end
        }
    }
}
