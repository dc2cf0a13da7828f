using System.Data;
using System.Data.Common;
using Dapper;
using MdoBot.BotFramework.Storage;
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
        ["documents", "document_keys", "outbox", "timers", "inbox", "audit", "conversations", "posted_cards", "personal_conversations", "store_meta", "seal_keys", "member_links", "delivery_state"];

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;

    /// <summary>
    /// Creates the store with its own data source (disposed with the store), with the keepalive, time-out
    /// and idle-transaction defaults of <see cref="PostgresConnectionDefaults"/> where the string sets none.
    /// </summary>
    public PostgresStore(string connectionString, TimeProvider time)
        : this(NpgsqlDataSource.Create(PostgresConnectionDefaults.Apply(RequireConnectionString(connectionString))), time, ownsDataSource: true)
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

    /// <summary>The server's clock (not the transaction start), in Unix milliseconds: lease expiry is judged by it.</summary>
    protected override string DatabaseNowMs => "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";

    protected override string FencedLeaseCheck(string where) =>
        $"""
        SELECT leases.token FROM leases, (SELECT set_config('idle_in_transaction_session_timeout', @idleMs, true)) AS idle_limit
        WHERE {where} FOR SHARE OF leases
        """;

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

    protected override bool IsBrokenConnection(Exception exception) => PostgresBrokenConnection.Is(exception);

    /// <summary>The pool's idle connections were most likely cut together (a restart, a terminated node): drop them all.</summary>
    protected override void OnBrokenConnection() => _dataSource.Clear();

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
