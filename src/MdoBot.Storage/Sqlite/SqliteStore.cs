using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MdoBot.Storage.Sqlite;

/// <summary>The embedded default store: one SQLite file in WAL mode, created owner-only on first run.</summary>
public sealed class SqliteStore : SqlStore, IDisposable
{
    /// <summary>Idle connections kept open with their prepared statements: enough for the concurrent reads of busy turns.</summary>
    private const int MaxIdleConnections = 32;

    private readonly SqliteConnectionPool _pool;

    /// <summary>
    /// The writer's connection, apart from the readers': a commit makes every other connection drop its page cache
    /// on its next read, but not the one that wrote it, so the writer keeps the index and table pages it touches.
    /// </summary>
    private readonly SqliteConnectionPool _writerPool;

    private readonly string _connectionString;

    private readonly string _synchronous;

    /// <summary>How much of the database file is memory-mapped for reads (address space, not memory: pages are shared with the OS cache).</summary>
    private readonly long _mmapBytes;

    /// <summary>The native connections (pooled, reused across opens) whose settings are already applied.</summary>
    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];

    private readonly WalCheckpointer _checkpointer;

    /// <param name="groupCommit">Commit concurrent turns together (one transaction, a savepoint each).</param>
    /// <param name="mmapMegabytes">How much of the file a connection reads through a memory map (0 = off).</param>
    public SqliteStore(string path, TimeProvider time, string synchronous = "NORMAL", bool groupCommit = true,
        int mmapMegabytes = StorageOptions.SqliteMmapDefaultMegabytes, bool cacheRows = true) : base(time)
    {
        _cacheRows = cacheRows;
        GroupCommitEnabled = groupCommit;
        _mmapBytes = mmapMegabytes is >= 0 and <= 65536
            ? mmapMegabytes * 1024L * 1024
            : throw new ArgumentOutOfRangeException(nameof(mmapMegabytes), "Storage:SqliteMmapMegabytes must be between 0 and 65536.");
        _synchronous = synchronous.ToUpperInvariant() switch
        {
            "FULL" => "FULL",
            "NORMAL" => "NORMAL",
            _ => throw new ArgumentException("Storage:SqliteSynchronous must be NORMAL or FULL.", nameof(synchronous)),
        };
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        CreateOwnerOnly(FilePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _pool = new SqliteConnectionPool(_connectionString, MaxIdleConnections);
        _writerPool = new SqliteConnectionPool(_connectionString, 1);
        using var conn = new SqliteConnection(_connectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL;";
        cmd.ExecuteNonQuery();
        _checkpointer = new WalCheckpointer(OpenAsync, restart => WriteAsync(restart, CancellationToken.None));
    }

    public string FilePath { get; }

    protected override bool SingleWriter => true;

    /// <summary>One process writes the file, every write through this store: what a turn reads is kept in memory.</summary>
    protected override bool CachesRows => _cacheRows;

    private readonly bool _cacheRows;

    protected override string AutoIdColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    protected override string BytesColumn => "BLOB";

    /// <summary>One process uses the file: its TimeProvider is the only clock (<c>@now</c>).</summary>
    protected override string DatabaseNowMs => "@now";

    protected override bool SingleInstanceLease => true;

    protected override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var conn = HoldsWriteGate ? await _writerPool.RentAsync(ct) : await _pool.RentAsync(ct);
        if (conn.Handle is { } handle && !_configured.TryGetValue(handle, out _))
        {
            await ConfigureAsync(conn, ct);
            _configured.AddOrUpdate(handle, handle);
        }

        return conn;
    }

    /// <summary>
    /// Settings of a native connection, applied once when the pool first opens it (they last as long as it does).
    /// <list type="bullet">
    /// <item><c>secure_delete=FAST</c>: deleted content is zeroed in the pages a delete writes anyway (no extra I/O per
    /// delivered message); pages freed whole keep old bytes until reused, so erasure ends with a compaction
    /// (VACUUM + WAL truncate) that rewrites the file without them.</item>
    /// <item><c>mmap_size</c> (<c>Storage:SqliteMmapMegabytes</c>, off by default): reads through a memory map instead
    /// of a system call per page. Every commit makes the other connections unmap the file and fault it in again on
    /// their next read, which costs more than the system calls where page faults are dear (virtual machines).</item>
    /// <item><c>wal_autocheckpoint=0</c>: no commit copies the WAL back into the file and waits for its fsync while
    /// holding the write lock; <see cref="WalCheckpointer"/> does that beside the writer instead, told the log's size
    /// after every commit by the connection's <see cref="WalHook"/>.</item>
    /// </list>
    /// </summary>
    private async Task ConfigureAsync(SqliteConnection conn, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"PRAGMA secure_delete=FAST; PRAGMA synchronous={_synchronous}; PRAGMA mmap_size={_mmapBytes}; PRAGMA wal_autocheckpoint=0;";
        await cmd.ExecuteNonQueryAsync(ct);
        WalHook.Attach(conn.Handle!, _checkpointer.HookId); // after wal_autocheckpoint, which would remove it
    }

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        // BEGIN IMMEDIATE: take the write lock up front so two writers never deadlock on upgrade.
        var tx = ((SqliteConnection)connection).BeginTransaction(deferred: false);
        if (CachesRows && HoldsWriteGate)
        {
            await NoticeOtherWritersAsync((SqliteConnection)connection, tx, ct);
        }

        return tx;
    }

    /// <summary>The writer's connection and its last <c>data_version</c>, to notice a commit made by any other connection.</summary>
    private (sqlite3? Handle, long Version) _writerDataVersion;

    /// <summary>
    /// A safety net for the row cache: this process should be the file's only writer, and all its writes go through
    /// the writer's connection. SQLite's <c>data_version</c> of a connection changes only when another connection
    /// committed, so should it change between two write transactions of the writer (a second process on the same file,
    /// or a tool), the cache is emptied; a document read from it meanwhile can only make a commit conflict and retry.
    /// </summary>
    private async Task NoticeOtherWritersAsync(SqliteConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var cmd = ((IStatementCache)connection).Get("PRAGMA data_version", out _);
        cmd.Transaction = tx;
        var version = (long)(await cmd.ExecuteScalarAsync(ct))!;
        var handle = connection.Handle;
        if (_writerDataVersion.Handle != handle || _writerDataVersion.Version != version)
        {
            if (_writerDataVersion.Handle is not null)
            {
                Rows?.Clear();
            }

            _writerDataVersion = (handle, version);
        }
    }

    /// <summary>Reclaims the space of deleted rows so erased text is gone from the file.</summary>
    public override Task CompactAsync(CancellationToken ct = default) => VacuumAsync(ct);

    /// <summary>
    /// Rewrites the file without freed pages, then empties the WAL (whose old frames would still hold erased text).
    /// Runs under the write gate, so no turn of this process writes meanwhile. A TRUNCATE checkpoint cannot finish
    /// while a reader still reads an older snapshot: SQLite's busy handler (<c>busy_timeout</c>) waits for those
    /// reads to end, and should the WAL still not be emptied the compaction fails (the compactor retries it) rather
    /// than report erased text gone that is not.
    /// Lock order: first no background checkpoint, then the write gate (a checkpoint that restarts the log takes
    /// the gate while it runs, so the other order could deadlock).
    /// </summary>
    public Task VacuumAsync(CancellationToken ct = default) => _checkpointer.ExclusiveAsync(() => WriteAsync(async () =>
    {
        await using var conn = await OpenAsync(ct);
        await using (var vacuum = conn.CreateCommand())
        {
            vacuum.CommandText = "VACUUM; PRAGMA busy_timeout = 10000;";
            await vacuum.ExecuteNonQueryAsync(ct);
        }

        await using var checkpoint = conn.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);"; // one row: busy, log frames, checkpointed frames
        await using var reader = await checkpoint.ExecuteReaderAsync(ct);
        if (await reader.ReadAsync(ct) && reader.GetInt64(0) != 0)
        {
            throw new InvalidOperationException("The write-ahead log could not be emptied: readers were still busy.");
        }

        return true;
    }, ct), ct);

    /// <summary>The writer's and the readers' connections (tests).</summary>
    internal (SqliteConnectionPool Writer, SqliteConnectionPool Readers) Pools => (_writerPool, _pool);

    /// <summary>The background WAL checkpoints (tests).</summary>
    internal WalCheckpointer Checkpointer => _checkpointer;

    /// <summary>Closes the idle pooled connections (connections in use close when they are given back).</summary>
    public void Dispose()
    {
        _checkpointer.Dispose();
        _pool.Close();
        _writerPool.Close();
    }

    private static void CreateOwnerOnly(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path) || OperatingSystem.IsWindows())
        {
            return;
        }

        using var _ = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }
}
