using MdoBot.BotFramework.Storage;

namespace MdoBot.BotFramework.Hosting;

/// <summary>Starting the per-conversation runs within the bound, and waiting for them all to end (before a lease changes hands).</summary>
public sealed partial class OutboxDispatcher
{
    /// <summary>
    /// Runs started per delivery slot: a run that waits for its chat's rate-limit window holds no slot, so more chats
    /// than slots may have a run, bounded so that the batches they hold stay small in memory.
    /// </summary>
    private const int RunsPerDeliverySlot = 8;

    /// <summary>Starts a run for each due conversation that has none, within the bound; returns the next not-before time.</summary>
    private async Task<DateTimeOffset?> StartDueRunsAsync(OutboxLeaseHolder holder)
    {
        var free = deliveryOptions.Value.MaxConcurrentConversations * RunsPerDeliverySlot - _running.Count;
        if (free <= 0)
        {
            return null; // a finished run wakes the loop
        }

        // Running conversations are in the schedule too: ask for enough to fill the free runs.
        var schedule = await outbox.GetScheduleAsync(time.GetUtcNow(), free + _running.Count, holder.Lost);
        foreach (var conversationId in schedule.Due)
        {
            if (free == 0)
            {
                break;
            }

            if (!_running.ContainsKey(conversationId))
            {
                Start(holder, conversationId);
                free--;
            }
        }

        return schedule.NextNotBefore;
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
