using Microsoft.AspNetCore.Http;

namespace MdoBot.Testing;

/// <summary>How a stand-in for an outside service misbehaves.</summary>
public enum FaultMode
{
    /// <summary>Answers normally.</summary>
    None,

    /// <summary>Answers <see cref="StandInFault.FailStatus"/> at once.</summary>
    Fail,

    /// <summary>Never answers (until the caller gives up or the server stops).</summary>
    Hang,

    /// <summary>Answers normally, but only once the test calls <see cref="StandInFault.Release"/>.</summary>
    Slow,
}

/// <summary>
/// A switchable fault for one endpoint of a stand-in server. Slow answers wait for the test's go-ahead rather than a
/// timer, so a test can prove that the caller answered before the dependency did, without waiting for time to pass.
/// </summary>
public sealed class StandInFault
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _arrived = new(0);
    private int _requests;

    public FaultMode Mode { get; set; }

    public int FailStatus { get; set; } = 503;

    /// <summary>Requests that reached the endpoint while a fault was set.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Lets slow answers (pending and future) go out.</summary>
    public void Release() => _release.TrySetResult();

    /// <summary>Waits (bounded, real time) until a request has arrived at the faulty endpoint.</summary>
    public async Task WaitForRequestAsync(TimeSpan? timeout = null)
    {
        if (!await _arrived.WaitAsync(timeout ?? TimeSpan.FromSeconds(15)))
        {
            throw new TimeoutException("No request reached the faulty endpoint.");
        }
    }

    /// <summary>The answer to give instead of the normal one, or null to answer normally (after a slow wait).</summary>
    public async Task<IResult?> ApplyAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mode = Mode;
        if (mode == FaultMode.None)
        {
            return null;
        }

        Interlocked.Increment(ref _requests);
        _arrived.Release();
        try
        {
            switch (mode)
            {
                case FaultMode.Fail:
                    return Results.StatusCode(FailStatus);
                case FaultMode.Hang:
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                    return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
                default:
                    await _release.Task.WaitAsync(context.RequestAborted);
                    return null;
            }
        }
        catch (OperationCanceledException)
        {
            return Results.Empty; // the caller gave up
        }
    }
}
