using System.Data.Common;
using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage;

/// <summary>
/// A retry (at most two) when a pooled connection turns out to be dead (PostgreSQL: the session was terminated, the server
/// restarted, a peer's death cut the socket). A pool keeps handing out idle connections whose session is already
/// gone; without a retry each of them costs one failed turn. The provider tells a broken connection apart from
/// every other failure (<see cref="IsBrokenConnection"/>) and drops its idle connections
/// (<see cref="OnBrokenConnection"/>), so the retry runs on a fresh session.
/// <list type="bullet">
/// <item>Reads are retried as they are.</item>
/// <item>A commit is retried when the failure came before COMMIT was sent (nothing was written), or — when the
/// acknowledgement of COMMIT was lost and the outcome is unknown — only when the change set carries an inbox
/// key or a fired-timer key: if the first attempt did commit, the retry finds that key and answers
/// <see cref="CommitOutcome.Duplicate"/> without writing anything again.</item>
/// </list>
/// </summary>
public abstract partial class SqlStore
{
    private long _brokenConnectionRetries;

    /// <summary>How many operations were retried after a broken connection (since the store was created).</summary>
    public long BrokenConnectionRetries => Interlocked.Read(ref _brokenConnectionRetries);

    /// <summary>True when <paramref name="exception"/> means the connection (not the statement) failed. None by default.</summary>
    protected virtual bool IsBrokenConnection(Exception exception) => false;

    /// <summary>Called before the retry: e.g. drop the pool's idle connections, which were cut together.</summary>
    protected virtual void OnBrokenConnection()
    {
    }

    /// <summary>Runs an operation that is safe to repeat (a read, an idempotent upsert); again on a fresh connection (at most twice) when an attempt met a broken one.</summary>
    protected async Task<T> RepeatableAsync<T>(Func<DbConnection, Task<T>> operation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(operation);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RepeatableOnceAsync(operation, ct);
            }
            catch (Exception ex) when (attempt < BrokenConnectionAttempts && !ct.IsCancellationRequested && IsBrokenConnection(ex))
            {
                Retrying();
            }
        }
    }

    /// <summary>
    /// Attempts of one operation when connections keep turning out broken: the fresh session of a retry can be cut
    /// too (an operator or a fail-over ending sessions in waves), so a second retry is allowed before the error surfaces.
    /// </summary>
    private const int BrokenConnectionAttempts = 3;

    private async Task<T> RepeatableOnceAsync<T>(Func<DbConnection, Task<T>> operation, CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct);
        return await operation(conn);
    }

    /// <summary>A commit, retried (at most twice) under the rules above.</summary>
    private async Task<CommitOutcome> CommitRetryingAsync(ChangeSet changes, CancellationToken ct)
    {
        for (var number = 1; ; number++)
        {
            var attempt = new CommitAttempt();
            try
            {
                return await CommitCoreAsync(changes, attempt, ct);
            }
            catch (Exception ex) when (number < BrokenConnectionAttempts && !ct.IsCancellationRequested && IsBrokenConnection(ex)
                && (!attempt.CommitSent || changes.Inbox is not null || changes.FiredTimerKey is not null))
            {
                Retrying();
            }
        }
    }

    private void Retrying()
    {
        Interlocked.Increment(ref _brokenConnectionRetries);
        OnBrokenConnection();
    }

    /// <summary>Whether COMMIT was sent: after that, a broken connection leaves the outcome unknown.</summary>
    private sealed class CommitAttempt
    {
        public bool CommitSent { get; set; }
    }
}
