using System.Data.Common;

namespace MdoBot.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file beside the writer instead of inside a commit, and keeps
/// the log from growing without bound.
/// <para>SQLite's own automatic checkpoint runs in the commit that crosses its threshold, while that commit holds the
/// write lock, so every turn queued behind it waits for the copy and the file's fsync. Here SQLite reports the log's
/// size after every commit (<see cref="WalHook"/>) and, once <see cref="CheckpointFrames"/> frames were written since
/// the last checkpoint, a PASSIVE checkpoint runs on its own connection: it copies what no reader still needs and
/// never blocks the writer or a reader. One checkpoint at a time; the compaction waits for a running one
/// (<see cref="ExclusiveAsync"/>) before its TRUNCATE checkpoint. Counting frames, not commits, keeps the interval
/// the same size in bytes whatever the commits hold: small grouped change sets (a busy meeting hour) checkpoint
/// seldom, so a page that changes again and again (an open MDO, an index's newest leaf) is copied back once per
/// interval rather than many times, and large ones still cannot let the log outgrow its bound.</para>
/// <para>A passive checkpoint alone never lets the log start over while turns keep committing: SQLite rewrites the
/// log from its start only when a write transaction begins on a log that is copied back completely, and under load
/// some commit always lands in between. The log then grows by every commit (hundreds of MB a minute), each frame is
/// written to a new part of the file and each read searches an ever longer log index. So once the log holds
/// <see cref="RestartFrames"/> frames after a passive checkpoint, a RESTART checkpoint runs under the write gate:
/// it copies the few frames written since, waits (briefly) for readers of older snapshots, and the next commit
/// writes the log from its start again, over pages the OS already holds. Should readers keep it from finishing,
/// the next attempt comes after <see cref="RetryFrames"/> more frames.</para>
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    /// <summary>
    /// Log frames (about 4 KB each) after which the log is started over: 16 MB, a few seconds of a busy hour's
    /// commits, so the short pause of a restart is rare, and small enough to stay in the OS cache.
    /// </summary>
    internal const int RestartFrames = 4096;

    /// <summary>Frames written between two checkpoints: one restart's worth, so that a checkpoint under load usually restarts the log.</summary>
    internal const int CheckpointFrames = RestartFrames;

    /// <summary>Frames after which a restart that readers kept from finishing is tried again.</summary>
    internal const int RetryFrames = 512;

    /// <summary>How long a restart waits for the readers of older snapshots (their reads take microseconds).</summary>
    internal const int RestartBusyMilliseconds = 200;

    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly Func<Func<Task<bool>>, Task<bool>> _underWriteGate;
    private readonly Action<int> _listener;
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>The log's frames at the last commit, and where the current interval began (0 once the log started over).</summary>
    private long _frames;

    private long _intervalStart;
    private long _interval = CheckpointFrames;

    public WalCheckpointer(Func<CancellationToken, Task<DbConnection>> open, Func<Func<Task<bool>>, Task<bool>> underWriteGate)
    {
        _open = open;
        _underWriteGate = underWriteGate;
        _listener = LogFrames;
        HookId = WalHook.Register(_listener);
    }

    /// <summary>The number a connection's <see cref="WalHook"/> reports this checkpointer's commits under.</summary>
    public nint HookId { get; }

    /// <summary>How many checkpoints ran (tests, diagnostics).</summary>
    public long Runs => Interlocked.Read(ref _runs);

    private long _runs;

    /// <summary>How many times the log was started over (tests, diagnostics).</summary>
    public long Restarts => Interlocked.Read(ref _restarts);

    private long _restarts;

    /// <summary>How many restarts readers kept from finishing (tests, diagnostics).</summary>
    public long RestartsRefused => Interlocked.Read(ref _restartsRefused);

    private long _restartsRefused;

    /// <summary>The log's size in frames as the last commit reported it (tests, diagnostics).</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>
    /// Called after each commit that wrote to the log, with the frames the log now holds (fewer than before: the log
    /// started over from its start). Commits are serialized by the write gate, so calls do not overlap.
    /// </summary>
    public void LogFrames(int frames)
    {
        if (frames < Interlocked.Exchange(ref _frames, frames))
        {
            Interlocked.Exchange(ref _intervalStart, 0); // the log started over: this interval began at its start
        }

        if (frames - Interlocked.Read(ref _intervalStart) < Interlocked.Read(ref _interval) || !_running.Wait(0))
        {
            return;
        }

        Interlocked.Exchange(ref _intervalStart, frames);

        // Not in the committing flow's context: that flow holds the write gate (an async-local flag), and a checkpoint
        // inheriting it would open a second connection of the writer's pool beside the writer's own one.
        using (ExecutionContext.SuppressFlow())
        {
            LastRun = Task.Run(RunAsync);
        }
    }

    /// <summary>The checkpoint started last (completed when none ran yet): tests wait for it instead of for time.</summary>
    internal Task LastRun { get; private set; } = Task.CompletedTask;

    private async Task RunAsync()
    {
        try
        {
            long logFrames;
            await using (var conn = await _open(CancellationToken.None))
            {
                logFrames = await CheckpointAsync(conn, "PASSIVE");
            }

            Interlocked.Increment(ref _runs);
            var restarted = logFrames < RestartFrames || await _underWriteGate(RestartAsync);
            Interlocked.Exchange(ref _interval, restarted ? CheckpointFrames : RetryFrames);
        }
        catch (DbException)
        {
            // A failed checkpoint loses nothing: the frames stay in the WAL and the next one copies them.
            Interlocked.Exchange(ref _interval, RetryFrames);
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Under the write gate, on the writer's connection: copy the rest of the log back and let the next commit restart it.</summary>
    private async Task<bool> RestartAsync()
    {
        await using var conn = await _open(CancellationToken.None);
        long busyBefore;
        await using (var wait = conn.CreateCommand())
        {
            wait.CommandText = $"PRAGMA busy_timeout; PRAGMA busy_timeout = {RestartBusyMilliseconds};";
            busyBefore = Convert.ToInt64(await wait.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        try
        {
            if (await CheckpointAsync(conn, "RESTART", busyMeansNotDone: true) < 0)
            {
                Interlocked.Increment(ref _restartsRefused);
                return false;
            }

            Interlocked.Increment(ref _restarts);
            return true; // the next commit reports a short log, which starts the next interval at 0
        }
        finally
        {
            await using var reset = conn.CreateCommand();
            reset.CommandText = $"PRAGMA busy_timeout = {busyBefore};";
            await reset.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Runs a checkpoint and returns the frames in the log (-1 when a restart could not finish: readers stayed busy).</summary>
    private static async Task<long> CheckpointAsync(DbConnection conn, string mode, bool busyMeansNotDone = false)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"PRAGMA wal_checkpoint({mode});"; // one row: busy, log frames, checkpointed frames
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return 0;
        }

        return busyMeansNotDone && reader.GetInt64(0) != 0 ? -1 : reader.GetInt64(1);
    }

    /// <summary>
    /// Runs <paramref name="action"/> while no background checkpoint runs. Take this before the write gate, never
    /// inside it: a checkpoint holds it while it waits for the gate to restart the log.
    /// </summary>
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

    /// <summary>Stops listening to commits (a checkpoint still running finishes).</summary>
    public void Dispose() => WalHook.Unregister(HookId);
}
