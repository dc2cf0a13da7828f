namespace MdoBot.BotFramework.Hosting;

/// <summary>Wakes a background loop (outbox delivery, timers) when new work was committed.</summary>
public sealed class WorkSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    /// <summary>Waits for a signal or the timeout (measured on <paramref name="time"/>).</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, time, cts.Token);
        var signalled = _signal.WaitAsync(cts.Token);
        await Task.WhenAny(delay, signalled);
        await cts.CancelAsync();
        try
        {
            await Task.WhenAll(delay, signalled);
        }
        catch (OperationCanceledException)
        {
            ct.ThrowIfCancellationRequested();
        }
    }
}

public sealed class OutboxSignal
{
    public WorkSignal Signal { get; } = new();
}

public sealed class TimerSignal
{
    public WorkSignal Signal { get; } = new();
}
