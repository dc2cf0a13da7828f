namespace MdoBot.BotFramework.Hosting;

/// <summary>
/// Wakes a background loop (outbox delivery, timers) when new work was committed. Signals given while the loop is busy
/// coalesce into one wake-up. The loop finds the work itself after waking, so a signal given while a wake-up is being
/// used up is not lost: its work was committed before the loop reads. Waking throws nothing (this runs after every
/// committed turn): the signal is a task that completes, not a semaphore wait that is cancelled.
/// </summary>
public sealed class WorkSignal
{
    private TaskCompletionSource _next = NewSignal();

    public void Notify() => Volatile.Read(ref _next).TrySetResult();

    /// <summary>Waits for a signal or the timeout (measured on <paramref name="time"/>); throws only when <paramref name="ct"/> is cancelled.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        var signal = Volatile.Read(ref _next);
        if (!signal.Task.IsCompleted)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            await Task.WhenAny(signal.Task, Task.Delay(timeout, time, stop.Token));
            await stop.CancelAsync(); // the timer, when the signal came first
        }

        if (signal.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _next, NewSignal(), signal); // used up: the next wait needs a new signal
        }

        ct.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class OutboxSignal
{
    public WorkSignal Signal { get; } = new();
}

public sealed class TimerSignal
{
    public WorkSignal Signal { get; } = new();
}
