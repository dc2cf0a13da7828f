using System.Data.Common;
using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage;

/// <summary>
/// Group commit for a single-writer database: change sets (and the outbox's delivered marks, <see cref="WriteAsync"/>)
/// that arrive while a commit is being written are applied together in the next transaction. They are first applied one after the other with nothing in between;
/// should one turn out a duplicate or a conflict (rare: turns of one conversation never run at once), that attempt
/// is rolled back whole and the batch applied again with each change set inside its own savepoint, so the failing
/// one is rolled back to its savepoint alone (its caller sees that outcome and retries the turn) and the others commit.
/// Every caller is answered only after the transaction holding its change set has committed. Should the
/// batch fail as a whole, each change set is committed again on its own, so one bad change set fails alone.
/// </summary>
internal sealed class GroupCommit(
    Func<Func<Task<bool>>, Task<bool>> writeGate,
    Func<CancellationToken, Task<DbConnection>> open,
    Func<DbConnection, CancellationToken, Task<DbTransaction>> begin,
    Func<DbConnection, DbTransaction, ChangeSet, Task<CommitOutcome>> apply,
    Func<ChangeSet, Task<CommitOutcome>> commitAlone)
{
    /// <summary>One unit of a batch: how to write it inside the shared transaction, and how to commit it on its own.</summary>
    private sealed record Pending(
        Func<DbConnection, DbTransaction, Task<CommitOutcome>> Apply, Func<Task<CommitOutcome>> Alone, TaskCompletionSource<CommitOutcome> Done);

    /// <summary>Enough to share the pages of the indexes and the tables' last leaves; small enough to keep latency low.</summary>
    private const int MaxBatch = 64;

    private readonly Lock _gate = new();
    private readonly List<Pending> _queue = [];
    private bool _draining;

    public Task<CommitOutcome> CommitAsync(ChangeSet changes) =>
        Enqueue((conn, tx) => apply(conn, tx, changes), () => commitAlone(changes));

    /// <summary>
    /// Another write of the store (the outbox's delivered marks) in the next batch: <paramref name="write"/> inside the
    /// shared transaction (a result other than Committed rolls it back alone), <paramref name="alone"/> when the batch
    /// has to be committed unit by unit.
    /// </summary>
    public Task<CommitOutcome> WriteAsync(Func<DbConnection, DbTransaction, Task<CommitOutcome>> write, Func<Task<CommitOutcome>> alone) =>
        Enqueue(write, alone);

    private Task<CommitOutcome> Enqueue(Func<DbConnection, DbTransaction, Task<CommitOutcome>> write, Func<Task<CommitOutcome>> alone)
    {
        var pending = new Pending(write, alone, new TaskCompletionSource<CommitOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (_gate)
        {
            _queue.Add(pending);
            start = !_draining;
            _draining = true;
        }

        if (start)
        {
            _ = Task.Run(DrainAsync);
        }

        return pending.Done.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            // Let the turns already queued on the thread pool reach their commit first: a delay of two work items
            // (microseconds, no clock involved), and the batch shares its pages and its log write among more turns.
            // Measured against none and one (docs/performance.md, fourteenth session): more turns per commit at 50
            // connections, the same at 200.
            await Task.Yield();
            await Task.Yield();
            List<Pending> batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _draining = false;
                    return;
                }

                batch = _queue.Take(MaxBatch).ToList();
                _queue.RemoveRange(0, batch.Count);
            }

            await CommitBatchAsync(batch);
        }
    }

    private async Task CommitBatchAsync(List<Pending> batch)
    {
        CommitOutcome[] outcomes;
        try
        {
            outcomes = batch.Count == 1
                ? [await batch[0].Alone()]
                : await ApplyTogetherAsync(batch);
        }
        catch (Exception) when (batch.Count > 1)
        {
            await CommitEachAloneAsync(batch); // nothing of the batch was written
            return;
        }
        catch (Exception ex)
        {
            batch[0].Done.TrySetException(ex);
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(outcomes[i]);
        }
    }

    private async Task<CommitOutcome[]> ApplyTogetherAsync(List<Pending> batch)
    {
        var outcomes = new CommitOutcome[batch.Count];
        await writeGate(async () =>
        {
            await using var conn = await open(CancellationToken.None);
            if (!await TryAllAsync(conn, batch, outcomes))
            {
                await ApplyInSavepointsAsync(conn, batch, outcomes);
            }

            return true;
        });
        return outcomes;
    }

    /// <summary>Applies every change set without savepoints and commits; false (all rolled back) when one was not committable.</summary>
    private async Task<bool> TryAllAsync(DbConnection conn, List<Pending> batch, CommitOutcome[] outcomes)
    {
        await using var tx = await begin(conn, CancellationToken.None);
        for (var i = 0; i < batch.Count; i++)
        {
            outcomes[i] = await batch[i].Apply(conn, tx);
            if (outcomes[i] != CommitOutcome.Committed)
            {
                await tx.RollbackAsync(CancellationToken.None);
                return false;
            }
        }

        await tx.CommitAsync(CancellationToken.None);
        return true;
    }

    private async Task ApplyInSavepointsAsync(DbConnection conn, List<Pending> batch, CommitOutcome[] outcomes)
    {
        await using var tx = await begin(conn, CancellationToken.None);
        for (var i = 0; i < batch.Count; i++)
        {
            // One savepoint name for all: each is released or rolled back before the next starts (prepared once per connection).
            await HotStatements.ExecuteAsync(conn, tx, "SAVEPOINT change_set");
            outcomes[i] = await batch[i].Apply(conn, tx);
            if (outcomes[i] == CommitOutcome.Committed)
            {
                await HotStatements.ExecuteAsync(conn, tx, "RELEASE SAVEPOINT change_set");
            }
            else
            {
                await HotStatements.ExecuteAsync(conn, tx, "ROLLBACK TO SAVEPOINT change_set");
                await HotStatements.ExecuteAsync(conn, tx, "RELEASE SAVEPOINT change_set");
            }
        }

        await tx.CommitAsync(CancellationToken.None);
    }

    private async Task CommitEachAloneAsync(List<Pending> batch)
    {
        foreach (var pending in batch)
        {
            try
            {
                pending.Done.TrySetResult(await pending.Alone());
            }
            catch (Exception ex)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }
}
