using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MdoBot.Storage.Sqlite;

/// <summary>
/// The store's own pool of open SQLite connections, so that each keeps its prepared statements between uses
/// (<see cref="IStatementCache"/>): Microsoft.Data.Sqlite hands out a new connection object for every open and
/// prepares every command again. Disposing a rented connection returns it here, still open, when it is idle (no
/// transaction); at most <c>maxIdle</c> wait, any others are closed. <see cref="Close"/> closes them all.
/// </summary>
internal sealed class SqliteConnectionPool(string connectionString, int maxIdle)
{
    private readonly ConcurrentBag<PooledSqliteConnection> _idle = [];
    private int _idleCount;
    private volatile bool _closed;
    private int _opened;

    /// <summary>How many connections this pool has opened (tests).</summary>
    internal int Opened => Volatile.Read(ref _opened);

    /// <summary>The idle connections now (tests).</summary>
    internal IReadOnlyList<PooledSqliteConnection> IdleNow => [.. _idle];

    /// <summary>An idle connection, else a newly opened one.</summary>
    public async Task<PooledSqliteConnection> RentAsync(CancellationToken ct)
    {
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            idle.InPool = false;
            return idle;
        }

        var conn = new PooledSqliteConnection(connectionString, this);
        Interlocked.Increment(ref _opened);
        try
        {
            await conn.OpenAsync(ct);
        }
        catch
        {
            conn.Close();
            throw;
        }

        return conn;
    }

    /// <summary>Takes a connection back; false when it must be closed instead (pool closed or full, or still in a transaction).</summary>
    internal bool TryReturn(PooledSqliteConnection conn)
    {
        if (conn.InPool)
        {
            return true; // disposed twice: it is already back
        }

        if (_closed || conn.State != ConnectionState.Open || conn.Handle is not { } handle || raw.sqlite3_get_autocommit(handle) == 0)
        {
            return false;
        }

        if (Interlocked.Increment(ref _idleCount) > maxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            return false;
        }

        conn.InPool = true;
        _idle.Add(conn);
        if (_closed)
        {
            CloseIdle(); // Close ran meanwhile and may have missed this one
        }

        return true;
    }

    /// <summary>Closes the idle connections; connections in use are closed when they are disposed.</summary>
    public void Close()
    {
        _closed = true;
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryTake(out var conn))
        {
            Interlocked.Decrement(ref _idleCount);
            conn.InPool = false;
            conn.Dispose(); // the pool is closed: the connection really closes
        }
    }
}

/// <summary>A connection of <see cref="SqliteConnectionPool"/> with its prepared statements, keyed by their SQL text.</summary>
internal sealed class PooledSqliteConnection(string connectionString, SqliteConnectionPool pool) : SqliteConnection(connectionString), IStatementCache
{
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);

    /// <summary>True while the connection waits in the pool (set and cleared by the pool only).</summary>
    internal bool InPool { get; set; }

    public DbCommand Get(string sql, out bool fresh)
    {
        fresh = !_statements.TryGetValue(sql, out var cmd);
        if (cmd is null)
        {
            cmd = CreateCommand();
            cmd.CommandText = sql;
            _statements[sql] = cmd;
        }

        return cmd;
    }

    public void Evict(string sql)
    {
        if (_statements.Remove(sql, out var cmd))
        {
            cmd.Dispose();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && pool.TryReturn(this))
        {
            return;
        }

        foreach (var cmd in _statements.Values)
        {
            cmd.Dispose();
        }

        _statements.Clear();
        base.Dispose(disposing);
    }
}
