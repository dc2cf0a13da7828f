using MdoBot.BotFramework.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MdoBot.BotFramework.Hosting;

/// <summary>
/// Compacts the storage (VACUUM) in the background after content was erased, so the erased text is
/// physically gone from the database file without delaying the answer to the user.
/// </summary>
public sealed partial class Compactor(IStore store, TimeProvider time, ILogger<Compactor> logger) : BackgroundService
{
    private readonly WorkSignal _signal = new();
    private int _requested;

    public void Request()
    {
        Interlocked.Exchange(ref _requested, 1);
        _signal.Notify();
    }

    /// <summary>Runs a compaction now (used by tests and the erasure path when the answer can wait).</summary>
    public async Task CompactNowAsync(CancellationToken ct)
    {
        Interlocked.Exchange(ref _requested, 0);
        await store.CompactAsync(ct);
        LogCompacted(logger);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _signal.WaitAsync(TimeSpan.FromMinutes(10), time, stoppingToken);
            if (Interlocked.Exchange(ref _requested, 0) == 0)
            {
                continue;
            }

            try
            {
                await store.CompactAsync(stoppingToken);
                LogCompacted(logger);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                LogFailed(logger, ex.GetType().Name);
                Interlocked.Exchange(ref _requested, 1);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage compacted after erasure")]
    private static partial void LogCompacted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage compaction failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
