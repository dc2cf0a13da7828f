using MdoBot.BotFramework.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MdoBot.BotFramework.Hosting;

/// <summary>
/// Keeps the inbox (the ids of processed activities) to a bounded window. Teams and the Bot Connector
/// redeliver an activity within seconds to minutes (a timed-out invoke, a lost connection); 24 hours is
/// a wide margin over that, while the table stays small. An activity stamped before the pruned horizon is
/// refused as too old (it may have been processed and forgotten), so nothing is carried out twice.
/// Failed outbox messages older than the window go too (they will not be delivered; their text should not stay).
/// </summary>
public sealed partial class InboxPruner(IStore store, TimeProvider time, ILogger<InboxPruner> logger) : BackgroundService
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private const int BatchSize = 5000;

    /// <summary>Prunes everything older than the window now; returns the rows deleted.</summary>
    public async Task<int> PruneNowAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow() - Window;
        var total = 0;
        int deleted;
        do
        {
            deleted = await store.PruneAsync(before, BatchSize, ct);
            total += deleted;
        }
        while (deleted >= BatchSize && !ct.IsCancellationRequested);

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var signal = new WorkSignal();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await PruneNowAsync(stoppingToken) is > 0 and var n)
                {
                    LogPruned(logger, n);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogFailed(logger, ex.GetType().Name);
            }

            await signal.WaitAsync(Interval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox pruned: {Rows} rows older than the window")]
    private static partial void LogPruned(ILogger logger, int rows);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox pruning failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
