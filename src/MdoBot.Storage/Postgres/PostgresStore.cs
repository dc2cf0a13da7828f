using System.Data;
using System.Data.Common;
using Dapper;
using MdoBot.Domain.Persistence;
using Npgsql;

namespace MdoBot.Storage.Postgres;

/// <summary>
/// The production store: PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>. Several
/// MdoBot instances may share the database: writes run in READ COMMITTED transactions whose SQL
/// decides by itself (INSERT … ON CONFLICT DO NOTHING for the inbox and new documents, version-checked
/// UPDATE/DELETE, DELETE of a fired timer), so a concurrent writer waits for the row lock and then sees
/// the committed row: the loser gets <see cref="CommitOutcome.Duplicate"/> or
/// <see cref="CommitOutcome.Conflict"/>, never an exception. Unique violations, serialization failures
/// and deadlocks that still surface are mapped the same way. Migrations take an advisory lock, so
/// instances starting together apply them once.
/// </summary>
public sealed class PostgresStore : SqlStore, IAsyncDisposable, IDisposable
{
    /// <summary>Key of the transaction-scoped advisory lock held while migrating ("MdoBot\0\0").</summary>
    internal const long MigrationLockKey = 0x4D646F426F740000;

    /// <summary>The tables whose rows hold (or held) meeting content; rewritten by <see cref="VacuumAsync"/>.</summary>
    internal static readonly IReadOnlyList<string> ContentTables =
        ["documents", "document_keys", "outbox", "timers", "inbox", "audit", "conversations", "posted_cards", "personal_conversations", "store_meta", "seal_keys", "member_links"];

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;

    /// <summary>Creates the store with its own data source (disposed with the store).</summary>
    public PostgresStore(string connectionString, TimeProvider time)
        : this(NpgsqlDataSource.Create(RequireConnectionString(connectionString)), time, ownsDataSource: true)
    {
    }

    /// <summary>Uses a data source configured by the caller; it is disposed with the store only when owned.</summary>
    public PostgresStore(NpgsqlDataSource dataSource, TimeProvider time, bool ownsDataSource = false) : base(time)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
    }

    protected override string AutoIdColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    protected override string BytesColumn => "BYTEA";

    /// <summary>Arbitrary but fixed advisory-lock key of MdoBot's outbox delivery.</summary>
    private const long DeliveryLockKey = 0x4D444F_4F5554; // "MDO" "OUT"

    /// <summary>
    /// A session-level advisory lock on a dedicated connection: several MdoBot instances share the
    /// database, one delivers. When that instance dies its connection (and so the lock) goes away.
    /// </summary>
    public override async Task<IDeliveryLease?> TryAcquireDeliveryLeaseAsync(CancellationToken ct = default)
    {
        var conn = await _dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", conn);
            cmd.Parameters.AddWithValue("key", DeliveryLockKey);
            if (await cmd.ExecuteScalarAsync(ct) is true)
            {
                return new AdvisoryLease(conn);
            }
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }

        await conn.DisposeAsync();
        return null;
    }

    private sealed class AdvisoryLease(NpgsqlConnection conn) : IDeliveryLease
    {
        public async Task<bool> IsHeldAsync(CancellationToken ct = default)
        {
            try
            {
                await using var cmd = new NpgsqlCommand("SELECT 1", conn);
                await cmd.ExecuteScalarAsync(ct);
                return true;
            }
            catch (NpgsqlException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", conn);
                cmd.Parameters.AddWithValue("key", DeliveryLockKey);
                await cmd.ExecuteScalarAsync();
            }
            catch (NpgsqlException)
            {
                // the connection is gone, and with it the lock
            }

            await conn.DisposeAsync();
        }
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken ct) =>
        await _dataSource.OpenConnectionAsync(ct);

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);

    /// <summary>INTEGER is int4 here; the row types read these columns as long.</summary>
    protected override string SelectInt64(string column) => $"CAST({column} AS BIGINT) AS {column}";

    protected override string SelectInt64(string expression, string alias) => $"CAST({expression} AS BIGINT) AS {alias}";

    protected override async Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLockKey }, transaction, cancellationToken: ct));

    protected override CommitOutcome? TranslateCommitFailure(DbException exception) =>
        exception is PostgresException pg ? Classify(pg.SqlState, pg.ConstraintName) : null;

    /// <summary>
    /// A failed commit that another writer caused: a duplicate inbox key is a duplicate delivery;
    /// any other unique violation, a serialization failure or a deadlock means "changed meanwhile,
    /// nothing written, retry the turn". Everything else stays an exception.
    /// </summary>
    internal static CommitOutcome? Classify(string sqlState, string? constraintName) => sqlState switch
    {
        PostgresErrorCodes.UniqueViolation when constraintName is "inbox_pkey" or "inbox_v2_pkey" => CommitOutcome.Duplicate,
        PostgresErrorCodes.UniqueViolation => CommitOutcome.Conflict,
        PostgresErrorCodes.SerializationFailure => CommitOutcome.Conflict,
        PostgresErrorCodes.DeadlockDetected => CommitOutcome.Conflict,
        _ => null,
    };

    /// <summary>
    /// Rewrites the content tables (VACUUM FULL, outside any transaction) so erased rows no longer
    /// linger in the table files. Takes an exclusive lock on each table while it runs; WAL, replicas and
    /// backups are not affected.
    /// </summary>
    public override Task CompactAsync(CancellationToken ct = default) => VacuumAsync(ct);

    public async Task VacuumAsync(CancellationToken ct = default)
    {
        await using var conn = await _dataSource.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        // One statement: a multi-statement batch would run as an implicit transaction block.
        cmd.CommandText = "VACUUM FULL " + string.Join(", ", ContentTables);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync();
        }
    }

    private static string RequireConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return connectionString;
    }
}
