using MdoBot.BotFramework.Storage;
using Microsoft.Extensions.Logging;

namespace MdoBot.BotFramework.Hosting;

/// <summary>
/// The app's part in dead letters: who should hear that messages of a conversation could not be delivered, and
/// what they are told. Returns the notices to send (stored in the same commit that marks the letters reported, so
/// each is told once, also across a restart); none when nobody can be reached. Must not throw for unknown
/// conversations. A notice that itself becomes a dead letter is reported again only if the app chooses to.
/// </summary>
public interface IDeadLetterReporter
{
    Task<IReadOnlyList<OutboxItem>> NoticesAsync(string conversationId, IReadOnlyList<DeadLetter> letters, CancellationToken ct);
}

/// <summary>The default: dead letters are kept, logged and counted, but nobody is messaged.</summary>
public sealed class NoDeadLetterReporter : IDeadLetterReporter
{
    public Task<IReadOnlyList<OutboxItem>> NoticesAsync(string conversationId, IReadOnlyList<DeadLetter> letters, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<OutboxItem>>([]);
}

/// <summary>Hands unreported dead letters to the <see cref="IDeadLetterReporter"/>, conversation by conversation.</summary>
public sealed partial class DeadLetterReports(IOutboxStore outbox, IDeadLetterReporter reporter, OutboxSignal signal, ILogger<DeadLetterReports> logger)
{
    private const int Batch = 200;

    /// <summary>
    /// Reports the dead letters of conversations not in <paramref name="busy"/> (their run may park more: reported
    /// together afterwards). Returns whether everything was reported (false: try again later).
    /// </summary>
    public async Task<bool> ReportAsync(IDeliveryLease lease, Func<string, bool> busy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(busy);
        var letters = await outbox.GetUnreportedDeadLettersAsync(Batch, ct);
        var complete = letters.Count < Batch;
        foreach (var group in letters.GroupBy(l => l.ConversationId, StringComparer.Ordinal))
        {
            if (busy(group.Key))
            {
                complete = false;
                continue;
            }

            IReadOnlyList<OutboxItem> notices;
            try
            {
                notices = await reporter.NoticesAsync(group.Key, group.ToList(), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                LogReporterFailed(logger, ex.GetType().Name);
                complete = false;
                continue;
            }

            if (!await lease.MarkReportedAsync(group.Select(l => l.Id).ToList(), notices, ct))
            {
                return false; // the lease is gone: the new holder reports
            }

            LogReported(logger, group.Count(), notices.Count);
            if (notices.Count > 0)
            {
                signal.Signal.Notify(); // the notices are new work
            }
        }

        return complete;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dead letters reported: {Letters}, notices queued: {Notices}")]
    private static partial void LogReported(ILogger logger, int letters, int notices);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead letter report failed ({Error}); retried later")]
    private static partial void LogReporterFailed(ILogger logger, string error);
}
