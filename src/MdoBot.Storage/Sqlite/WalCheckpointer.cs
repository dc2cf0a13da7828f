using System.Data.Common;

namespace MdoBot.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file beside the writer instead of inside a commit.
/// SQLite's own automatic checkpoint runs in the commit that crosses its threshold, while that commit holds the
/// write lock, so every turn queued behind it waits for the copy and the file's fsync. Here the store counts the
/// change sets it commits and, every <see cref="Every"/> of them, a PASSIVE checkpoint runs on its own connection:
/// it copies what no reader still needs and never blocks the writer or a reader. One checkpoint at a time; the
/// compaction waits for a running one (<see cref="ExclusiveAsync"/>) before its TRUNCATE checkpoint.
/// </summary>
internal sealed class WalCheckpointer(Func<CancellationToken, Task<DbConnection>> open)
{
    /// <summary>About SQLite's default of 1,000 WAL pages: a lone change set writes up to five pages, a grouped one fewer.</summary>
    internal const int Every = 200;

    private readonly SemaphoreSlim _running = new(1, 1);
    private long _sinceLast;

    /// <summary>How many checkpoints ran (tests, diagnostics).</summary>
    public long Runs => Interlocked.Read(ref _runs);

    private long _runs;

    /// <summary>Called after each commit with the number of change sets it held.</summary>
    public void Committed(int changeSets)
    {
        if (Interlocked.Add(ref _sinceLast, changeSets) < Every || !_running.Wait(0))
        {
            return;
        }

        Interlocked.Exchange(ref _sinceLast, 0);
        LastRun = Task.Run(RunAsync);
    }

    /// <summary>The checkpoint started last (completed when none ran yet): tests wait for it instead of for time.</summary>
    internal Task LastRun { get; private set; } = Task.CompletedTask;

    private async Task RunAsync()
    {
        try
        {
            await using var conn = await open(CancellationToken.None);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await cmd.ExecuteNonQueryAsync();
            Interlocked.Increment(ref _runs);
        }
        catch (DbException)
        {
            // A failed passive checkpoint loses nothing: the frames stay in the WAL and the next one copies them.
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Runs <paramref name="action"/> while no background checkpoint runs.</summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> action, CancellationToken ct)
    {
        await _running.WaitAsync(ct);
        try
        {
            return await action();
        }
        finally
        {
            _running.Release();
        }
    }
}
