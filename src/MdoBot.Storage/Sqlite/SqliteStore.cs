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

    private readonly string _connectionString;

    private readonly string _synchronous;

    /// <summary>The native connections (pooled, reused across opens) whose settings are already applied.</summary>
    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];

    private readonly WalCheckpointer _checkpointer;

    /// <param name="groupCommit">Commit concurrent turns together (one transaction, a savepoint each).</param>
    public SqliteStore(string path, TimeProvider time, string synchronous = "NORMAL", bool groupCommit = true) : base(time)
    {
        GroupCommitEnabled = groupCommit;
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
        using var conn = new SqliteConnection(_connectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL;";
        cmd.ExecuteNonQuery();
        _checkpointer = new WalCheckpointer(OpenAsync);
    }

    public string FilePath { get; }

    protected override bool SingleWriter => true;

    protected override string AutoIdColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    protected override string BytesColumn => "BLOB";

    /// <summary>One process uses the file: its TimeProvider is the only clock (<c>@now</c>).</summary>
    protected override string DatabaseNowMs => "@now";

    protected override bool SingleInstanceLease => true;

    protected override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var conn = await _pool.RentAsync(ct);
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
    /// <item><c>mmap_size</c>: reads of the database file come from memory-mapped pages instead of a system call per
    /// page (every commit invalidates the other connections' page caches, so reads are frequent).</item>
    /// <item><c>wal_autocheckpoint=0</c>: no commit copies the WAL back into the file and waits for its fsync while
    /// holding the write lock; <see cref="WalCheckpointer"/> does that beside the writer instead.</item>
    /// </list>
    /// </summary>
    private async Task ConfigureAsync(SqliteConnection conn, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"PRAGMA secure_delete=FAST; PRAGMA synchronous={_synchronous}; PRAGMA mmap_size={MmapBytes}; PRAGMA wal_autocheckpoint=0;";
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>How much of the database file is memory-mapped for reads (address space, not memory: pages are shared with the OS cache).</summary>
    private const long MmapBytes = 256L * 1024 * 1024;

    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        // BEGIN IMMEDIATE: take the write lock up front so two writers never deadlock on upgrade.
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    protected override void Committed(int changeSets) => _checkpointer.Committed(changeSets);

    /// <summary>Reclaims the space of deleted rows so erased text is gone from the file.</summary>
    public override Task CompactAsync(CancellationToken ct = default) => VacuumAsync(ct);

    /// <summary>
    /// Rewrites the file without freed pages, then empties the WAL (whose old frames would still hold erased text).
    /// Runs under the write gate, so no turn of this process writes meanwhile. A TRUNCATE checkpoint cannot finish
    /// while a reader still reads an older snapshot: SQLite's busy handler (<c>busy_timeout</c>) waits for those
    /// reads to end, and should the WAL still not be emptied the compaction fails (the compactor retries it) rather
    /// than report erased text gone that is not.
    /// </summary>
    public Task VacuumAsync(CancellationToken ct = default) => WriteAsync(() => _checkpointer.ExclusiveAsync(async () =>
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

    /// <summary>The background WAL checkpoints (tests).</summary>
    internal WalCheckpointer Checkpointer => _checkpointer;

    /// <summary>Closes the idle pooled connections (connections in use close when they are given back).</summary>
    public void Dispose() => _pool.Close();

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
