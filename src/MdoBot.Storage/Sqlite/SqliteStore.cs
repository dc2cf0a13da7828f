using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MdoBot.Storage.Sqlite;

/// <summary>The embedded default store: one SQLite file in WAL mode, created owner-only on first run.</summary>
public sealed class SqliteStore : SqlStore
{
    private readonly string _connectionString;

    private readonly string _synchronous;

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
        using var conn = new SqliteConnection(_connectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL;";
        cmd.ExecuteNonQuery();
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
        var conn = new SqliteConnection(_connectionString);
        await conn.OpenAsync(ct);
        return conn;
    }

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        await using (var cmd = connection.CreateCommand())
        {
            // Writers only (reads need neither). FAST: deleted content is zeroed in the pages a delete writes
            // anyway (no extra I/O per delivered message); pages freed whole keep old bytes until reused, so
            // erasure ends with a compaction (VACUUM + WAL truncate) that rewrites the file without them.
            cmd.CommandText = $"PRAGMA secure_delete=FAST; PRAGMA synchronous={_synchronous};";
            await cmd.ExecuteNonQueryAsync(ct);
        }

        // BEGIN IMMEDIATE: take the write lock up front so two writers never deadlock on upgrade.
        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    /// <summary>Reclaims the space of deleted rows so erased text is gone from the file.</summary>
    public override Task CompactAsync(CancellationToken ct = default) => VacuumAsync(ct);

    /// <summary>
    /// Rewrites the file without freed pages, then empties the WAL (whose old frames would still hold erased text).
    /// Runs under the write gate, so no turn of this process writes meanwhile. A TRUNCATE checkpoint cannot finish
    /// while a reader still reads an older snapshot: SQLite's busy handler (<c>busy_timeout</c>) waits for those
    /// reads to end, and should the WAL still not be emptied the compaction fails (the compactor retries it) rather
    /// than report erased text gone that is not.
    /// </summary>
    public Task VacuumAsync(CancellationToken ct = default) => WriteAsync(async () =>
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
    }, ct);

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
