using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MdoBot.BotFramework.Hosting;

/// <summary>A stored timer's effect (time-box warning, reminder, retention job…), by kind.</summary>
public interface ITimerHandler
{
    string Kind { get; }

    /// <summary>Records the timer's effect in the turn; <paramref name="late"/> when it fell due while MdoBot was down.</summary>
    Task HandleAsync(TurnContext turn, TimerRecord timer, bool late, CancellationToken ct);
}

/// <summary>
/// Fires stored timers when they fall due, each at most once (the firing and its effects are one
/// commit that deletes the timer). Timers that fell due while MdoBot was down fire at once, marked late.
/// </summary>
public sealed partial class TimerScheduler(
    ITimerStore timers,
    TimerFiring firing,
    TimerSignal signal,
    TimeProvider time,
    ILogger<TimerScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var now = time.GetUtcNow();
                var due = await timers.GetDueAsync(now, 100, stoppingToken);
                await Task.WhenAll(due.GroupBy(t => t.ConversationId).Select(g => FireInOrderAsync(g, stoppingToken)));
                if (due.Count == 100)
                {
                    continue;
                }

                var next = await timers.GetNextDueAsync(stoppingToken);
                wait = next is { } n ? Clamp(n - time.GetUtcNow()) : MaxWait;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogLoopError(logger, ex.GetType().Name);
                wait = TimeSpan.FromSeconds(1);
            }

            await signal.Signal.WaitAsync(wait, time, stoppingToken);
        }
    }

    private async Task FireInOrderAsync(IEnumerable<TimerRecord> due, CancellationToken ct)
    {
        foreach (var timer in due)
        {
            try
            {
                await firing.FireAsync(timer, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                LogFireFailed(logger, timer.Kind, ex.GetType().Name);
            }
        }
    }

    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxWait ? MaxWait : wait;

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer loop error: {Error}")]
    private static partial void LogLoopError(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Kind} failed: {Error}")]
    private static partial void LogFireFailed(ILogger logger, string kind, string error);
}
