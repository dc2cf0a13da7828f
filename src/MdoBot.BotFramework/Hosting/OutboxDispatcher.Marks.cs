using MdoBot.BotFramework.Storage;
using Microsoft.Extensions.Logging;

namespace MdoBot.BotFramework.Hosting;

/// <summary>The dispatcher's fenced delivered-mark of a post, and its log lines (operations, statuses, reasons — never ids or content).</summary>
public sealed partial class OutboxDispatcher
{
    /// <summary>
    /// The fenced delivered-mark of a post, retried while the lease holds: a dropped database connection
    /// (terminated backend, restart) must not leave a sent post pending, or this holder would post it again.
    /// False when refused (another holder now owns the outbox) or when the lease was lost meanwhile.
    /// </summary>
    private async Task<bool> MarkPostedAsync(OutboxLeaseHolder holder, DeliveredItem delivered)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await holder.Lease.MarkDeliveredAsync([delivered], holder.Lost))
                {
                    return true;
                }

                holder.Lose("a fenced mark was refused");
                return false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException && !holder.IsLost)
            {
                LogMarkRetry(logger, attempt, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * attempt)), time, holder.Lost);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery of {Operation} failed temporarily with {Status} (attempt {Attempt}); the conversation waits {Delay}")]
    private static partial void LogDeferred(ILogger logger, string operation, int status, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message parked as a dead letter: {Operation} failed with {Status} ({Reason}) after {Attempt} attempt(s)")]
    private static partial void LogDeadLettered(ILogger logger, string operation, int status, string reason, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox lease acquired: fencing token {Token}, holder {Holder}")]
    private static partial void LogLeaseAcquired(ILogger logger, long token, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox lease lost: fencing token {Token}, {Reason}")]
    private static partial void LogLeaseLost(ILogger logger, long token, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivered-mark failed (attempt {Attempt}, {Error}); retrying while the lease holds")]
    private static partial void LogMarkRetry(ILogger logger, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox loop error: {Error}")]
    private static partial void LogLoopError(ILogger logger, string error);
}
