using System.Collections.Concurrent;
using MdoBot.BotFramework.Connector;
using MdoBot.BotFramework.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MdoBot.BotFramework.Hosting;

/// <summary>
/// Delivers stored outgoing messages through the connector. Each conversation is delivered by its own run, in
/// order, up to <see cref="OutboxDeliveryOptions.MaxConcurrentConversations"/> at once, so a slow or throttled chat
/// holds only itself. After a temporary failure the conversation's not-before time is stored, and the schedule
/// (<see cref="IOutboxStore.GetScheduleAsync"/>) leaves it out until then: a wake-up (new work committed) or a restart
/// never sends to it early. A run that must wait for a Teams rate-limit window (<see cref="ConversationRateLimiter"/>)
/// lets go of its delivery slot meanwhile. A message stays stored until delivered or parked as a dead letter.
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutboxStore outbox,
    OutboxDelivery delivery,
    OutboxSignal signal,
    DeliveryBackoff backoff,
    ConversationRateLimiter limiter,
    DeadLetterReports reports,
    TimeProvider time,
    IOptions<OutboxLeaseOptions> leaseOptions,
    IOptions<OutboxDeliveryOptions> deliveryOptions,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FailureWait = TimeSpan.FromSeconds(2);
    private readonly string _holderId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private volatile bool _reportDue;
    private volatile bool _runFailed;
    private OutboxLeaseHolder? _holder; // only the loop below sets it

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        finally
        {
            await StopRunsAsync();
            if (_holder is not null)
            {
                await _holder.DisposeAsync();
            }
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var options = leaseOptions.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var hadFailure = false;
            DateTimeOffset? wakeAt = null;
            try
            {
                if (_holder is { IsLost: true } lost)
                {
                    LogLeaseLost(logger, lost.Lease.FencingToken, lost.LostReason ?? "unknown");
                    await StopRunsAsync(); // every run of the old lease ends before a new one may start
                    _holder = null;
                    await lost.DisposeAsync();
                }

                if (_holder is null)
                {
                    _holder = await OutboxLeaseHolder.TryAcquireAsync(outbox, _holderId, options, time, stoppingToken);
                    if (_holder is not { } acquired)
                    {
                        // Another instance delivers: try again after a heartbeat (wake-ups do not hurry this).
                        await Task.Delay(options.LeaseHeartbeat, time, stoppingToken);
                        continue;
                    }

                    LogLeaseAcquired(logger, acquired.Lease.FencingToken, _holderId);
                    _reportDue = true; // dead letters parked before a restart or by another holder
                }

                var holder = _holder;
                wakeAt = await StartDueRunsAsync(holder);
                if (_reportDue)
                {
                    _reportDue = false;
                    if (!await reports.ReportAsync(holder.Lease, _running.ContainsKey, holder.Lost))
                    {
                        _reportDue = true;
                    }
                }

                hadFailure = _runFailed;
                _runFailed = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException) when (_holder is { IsLost: true })
            {
                continue; // the lease was lost: logged and released at the top of the loop
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogLoopError(logger, ex.GetType().Name);
                hadFailure = true;
            }

            // Woken by new work, a finished run, the next stored not-before time, or the poll (which finds messages
            // committed by another instance at the latest one heartbeat later).
            var wait = options.LeaseHeartbeat < IdlePoll ? options.LeaseHeartbeat : IdlePoll;
            if (wakeAt is { } at && at - time.GetUtcNow() is var untilDue && untilDue < wait)
            {
                wait = untilDue > TimeSpan.Zero ? untilDue : TimeSpan.Zero;
            }

            await signal.Signal.WaitAsync(hadFailure ? FailureWait : wait, time, stoppingToken);
        }
    }
}
