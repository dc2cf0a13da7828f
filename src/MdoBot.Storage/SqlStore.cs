using System.Collections.Frozen;
using System.Globalization;
using System.Data.Common;
using Dapper;
using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage;

/// <summary>
/// The store over portable SQL (Dapper). Providers supply connections, the transaction start
/// and the auto-id column type; everything else is shared between SQLite and PostgreSQL.
/// </summary>
public abstract partial class SqlStore(TimeProvider time) : IStore, IOutboxStore, ITimerStore
{
    protected TimeProvider Time { get; } = time;

    private readonly SemaphoreSlim _writeGate = new(1, 1);

    private readonly AsyncLocal<bool> _holdsWriteGate = new();

    /// <summary>True in the flow that holds the in-process write gate (single-writer databases), false elsewhere.</summary>
    protected bool HoldsWriteGate => _holdsWriteGate.Value;

    /// <summary>
    /// True for a single-file database (SQLite): writers queue in-process for the one write lock instead
    /// of colliding on it (Microsoft.Data.Sqlite answers a busy lock with a 150 ms sleep-and-retry).
    /// </summary>
    protected virtual bool SingleWriter => false;

    /// <summary>Runs a write under the in-process write gate when the database allows one writer only.</summary>
    protected async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!SingleWriter)
        {
            return await write();
        }

        await _writeGate.WaitAsync(ct);
        try
        {
            _holdsWriteGate.Value = true;
            return await write();
        }
        finally
        {
            _holdsWriteGate.Value = false;
            _writeGate.Release();
        }
    }

    /// <summary>
    /// True when this store is the only writer of its database, so the rows a turn reads may be kept in memory
    /// (<see cref="RowCache"/>): SQLite, one process per file. Off for a database shared by instances.
    /// </summary>
    protected virtual bool CachesRows => false;

    private RowCache? _rows;

    /// <summary>The cache of read rows, or null when this store does not cache (<see cref="CachesRows"/>).</summary>
    internal RowCache? Rows => CachesRows ? _rows ??= new RowCache() : null;

    protected abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    protected abstract string AutoIdColumn { get; }

    /// <summary>The binary column type (SQLite BLOB, PostgreSQL BYTEA).</summary>
    protected abstract string BytesColumn { get; }

    protected long Now() => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// Called first inside the migration transaction, so that instances starting at the same time
    /// migrate one after the other (PostgreSQL: an advisory lock). SQLite needs nothing: its write
    /// transaction already excludes other writers.
    /// </summary>
    protected virtual Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        Task.CompletedTask;

    /// <summary>
    /// How a query selects an INTEGER column that a row type reads as <see cref="long"/>: Dapper maps
    /// record constructors only on exact types. SQLite reports a plain INTEGER column as Int64 (an
    /// expression would have no declared type), so the column is selected as is.
    /// </summary>
    protected virtual string SelectInt64(string column) => column;

    /// <summary>As <see cref="SelectInt64(string)"/>, for an expression (e.g. a joined table's column) under an alias.</summary>
    protected virtual string SelectInt64(string expression, string alias) => $"{expression} AS {alias}";

    /// <summary>
    /// Applies the pending migrations in one transaction, then indexes documents that an older release
    /// stored without an index (<paramref name="indexers"/>), and compacts when a migration dropped content.
    /// </summary>
    public Task MigrateAsync(IEnumerable<IDocumentIndexer>? indexers = null, CancellationToken ct = default) =>
        MigrateCoreAsync(indexers, long.MaxValue, ct);

    /// <summary>Applies the migrations up to <paramref name="version"/> only: a database exactly as an earlier release left it (upgrade tests).</summary>
    internal Task MigrateToAsync(long version) => MigrateCoreAsync(null, version, CancellationToken.None);

    private async Task MigrateCoreAsync(IEnumerable<IDocumentIndexer>? indexers, long upTo, CancellationToken ct)
    {
        var compact = false;
        await using (var conn = await OpenAsync(ct))
        await using (var tx = await BeginWriteAsync(conn, ct))
        {
            await LockMigrationsAsync(conn, tx, ct);
            await conn.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", transaction: tx);
            var current = await conn.ExecuteScalarAsync<long?>("SELECT MAX(version) FROM schema_version", transaction: tx) ?? 0;
            foreach (var migration in Migrations.All.Where(m => m.Version > current && m.Version <= upTo))
            {
                await conn.ExecuteAsync(migration.Sql.Replace(Migrations.AutoIdPlaceholder, AutoIdColumn, StringComparison.Ordinal)
                    .Replace(Migrations.BytesPlaceholder, BytesColumn, StringComparison.Ordinal), transaction: tx);
                if (migration.Data is { } data)
                {
                    await data(conn, tx, Now());
                }

                await conn.ExecuteAsync("INSERT INTO schema_version (version) VALUES (@v)", new { v = migration.Version }, tx);
                compact |= current > 0 && migration.CompactAfter; // a new database has nothing to compact
            }

            foreach (var indexer in indexers ?? [])
            {
                await IndexUnindexedAsync(conn, tx, indexer);
            }

            await tx.CommitAsync(ct);
        }

        Rows?.Clear(); // migrations and indexing write outside the commit path

        if (compact)
        {
            await CompactAsync(ct);
        }
    }

    private static async Task IndexUnindexedAsync(DbConnection conn, DbTransaction tx, IDocumentIndexer indexer)
    {
        var docs = await conn.QueryAsync<(string Id, string ConversationId, string Json)>(
            "SELECT id, conversation_id, json FROM documents WHERE kind = @Kind AND indexed = 0", new { indexer.Kind }, tx);
        foreach (var (id, conversationId, json) in docs)
        {
            await WriteIndexAsync(conn, tx, indexer.Kind, id, conversationId, indexer.IndexOf(json));
        }
    }

    public abstract Task CompactAsync(CancellationToken ct = default);

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string conversationId, int max, CancellationToken ct = default)
    {
        var rows = await RepeatableAsync(conn => conn.QueryAsync<AuditRow>(
            "SELECT at, user_id, action, conversation_id, mdo_id, case_id FROM audit WHERE conversation_id = @conversationId ORDER BY id DESC LIMIT @max",
            new { conversationId, max }), ct);
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        try
        {
            return await RepeatableAsync(conn => conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version"), ct) > 0;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private string? _lookupInboxSql;

    public async Task<InboxLookup> LookupInboxAsync(string conversationId, string activityId, CancellationToken ct = default)
    {
        _lookupInboxSql ??= $"""
            SELECT {SelectInt64("m.meta_value", "forgotten_before")}, {SelectInt64("i.status", "status")}, i.answer, k.key_bytes
            FROM store_meta m
              LEFT JOIN inbox i ON i.conversation_id = @conversationId AND i.activity_id = @activityId
              LEFT JOIN seal_keys k ON k.scope = i.scope
            WHERE m.meta_key = 'inbox_forgotten_before'
            """;
        var rows = Rows;
        var horizonGeneration = rows?.InboxHorizonGeneration ?? 0;
        var row = await RepeatableAsync(conn => HotStatements.QueryFirstAsync(conn, null, _lookupInboxSql,
            r => new InboxLookupRow(r.GetInt64(0), r.NullableInt64(1), r.NullableBytes(2), r.NullableBytes(3)),
            ("@conversationId", conversationId), ("@activityId", activityId)), ct)
            ?? throw new InvalidOperationException("The store has no inbox horizon (store_meta row missing)."); // written by migration 3
        rows?.OfferInboxHorizon(row.Forgotten_Before, horizonGeneration);
        var forgottenBefore = DateTimeOffset.FromUnixTimeMilliseconds(row.Forgotten_Before);
        if (row.Status is not { } status)
        {
            return new InboxLookup(null, forgottenBefore);
        }

        var answer = row.Answer is { } sealedAnswer && row.Key_Bytes is { } key ? AnswerSeal.Open(key, conversationId, activityId, sealedAnswer) : null;
        return new InboxLookup(new InboxEntry((int)status, answer, Erased: row.Answer is not null && answer is null), forgottenBefore);
    }

    public DateTimeOffset? KnownUnseen(string conversationId, string activityId)
    {
        if (Rows is not { } rows || rows.InboxHorizon is not { } horizon)
        {
            return null;
        }

        switch (rows.MayHaveSeen(conversationId, activityId))
        {
            case false:
                return DateTimeOffset.FromUnixTimeMilliseconds(horizon);
            case null when rows.TryStartSeenLoad(out var generation):
                SeenLoad = LoadSeenAsync(rows, generation);
                return null;
            default:
                return null;
        }
    }

    /// <summary>The inbox's keys into the row cache, beside the turns (which look the inbox up until it is done).</summary>
    private async Task LoadSeenAsync(RowCache rows, long generation)
    {
        IReadOnlyList<(string, string, long)>? keys = null;
        try
        {
            await Task.Yield();
            keys = await RepeatableAsync(conn => HotStatements.QueryAsync(conn, null,
                $"SELECT conversation_id, activity_id, {SelectInt64("received_at")} FROM inbox",
                r => (r.GetString(0), r.GetString(1), r.GetInt64(2))), CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ObjectDisposedException)
        {
            // Turns keep looking the inbox up; the next one starts another load.
        }
        finally
        {
            rows.SeenLoaded(keys, generation);
        }
    }

    /// <summary>The last load of the inbox's keys started (tests).</summary>
    internal Task? SeenLoad { get; private set; }

    public async Task<InboxEntry?> GetInboxEntryAsync(string conversationId, string activityId, CancellationToken ct = default) =>
        (await LookupInboxAsync(conversationId, activityId, ct)).Entry;

    private string? _conversationSql;

    public async Task<ConversationRef?> GetConversationAsync(string conversationId, CancellationToken ct = default)
    {
        var rows = Rows;
        if (rows is not null && rows.TryGetConversation(conversationId, out var cached))
        {
            return cached;
        }

        var generation = rows?.Generation ?? 0;
        _conversationSql ??= $"""
            SELECT conversation_id, service_url, tenant_id, bot_id, channel_id, kind, meeting_id, locale,
              {SelectInt64("installed_at")}, {SelectInt64("active")}
            FROM conversations WHERE conversation_id = @conversationId
            """;
        var row = await RepeatableAsync(conn => HotStatements.QueryFirstAsync(conn, null, _conversationSql,
            r => new ConversationRow(r.GetString(0), r.GetString(1), r.NullableString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.NullableString(6), r.NullableString(7), r.GetInt64(8), r.GetInt64(9)),
            ("@conversationId", conversationId)), ct);
        var conversation = row?.ToDomain();
        if (conversation is not null)
        {
            rows?.OfferConversation(conversation, generation);
        }

        return conversation;
    }

    private string? _documentSql;

    public async Task<StoredDocument?> GetDocumentAsync(string kind, string id, CancellationToken ct = default)
    {
        var rows = Rows;
        if (rows is not null && rows.TryGetDocument(kind, id, out var cached))
        {
            return cached;
        }

        var generation = rows?.Generation ?? 0;
        _documentSql ??= $"SELECT kind, id, conversation_id, {SelectInt64("version")}, json, status FROM documents WHERE kind = @kind AND id = @id";
        var row = await RepeatableAsync(conn => HotStatements.QueryFirstAsync(conn, null, _documentSql,
            r => new DocumentRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4), r.NullableString(5)),
            ("@kind", kind), ("@id", id)), ct);
        var document = row?.ToDomain();
        if (document is not null)
        {
            rows?.OfferDocument(document, generation);
        }

        return document;
    }

    public async Task<IReadOnlyList<StoredDocument>> GetDocumentsByConversationAsync(string kind, string conversationId, CancellationToken ct = default)
    {
        var rows = await RepeatableAsync(conn => conn.QueryAsync<DocumentRow>(
            """
            SELECT kind, id, conversation_id, version, json, status FROM documents
            WHERE kind = @kind AND conversation_id = @conversationId ORDER BY updated_at
            """, new { kind, conversationId }), ct);
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task<StoredDocument?> GetLatestDocumentAsync(string kind, string conversationId, string? exceptStatus = null, CancellationToken ct = default)
    {
        var filter = exceptStatus is null ? string.Empty : "AND (status IS NULL OR status <> @exceptStatus)";
        var row = await RepeatableAsync(conn => conn.QueryFirstOrDefaultAsync<DocumentRow>(
            $"""
            SELECT kind, id, conversation_id, version, json, status FROM documents
            WHERE kind = @kind AND conversation_id = @conversationId {filter} ORDER BY sort_key DESC, id DESC LIMIT 1
            """, new { kind, conversationId, exceptStatus }), ct);
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<DocumentKeyHit>> FindDocumentKeysAsync(
        string kind, string conversationId, IReadOnlyCollection<string> keys, long beforeSortKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        var rows = Rows;
        var query = rows is null ? null : KeyQuery("hits", kind, keys, beforeSortKey);
        if (rows is not null && rows.TryGetKeyQuery<IReadOnlyList<DocumentKeyHit>>(conversationId, query!, out var cached))
        {
            return cached!;
        }

        var generation = rows?.Generation ?? 0;
        var args = KeyArgs(kind, conversationId, keys, beforeSortKey);
        var sql = FindKeysSql(keys.Count);
        var hits = await RepeatableAsync(conn => HotStatements.QueryAsync(conn, null, sql,
            r => new DocumentKeyHit(r.GetString(0), r.GetString(1), r.GetInt64(2)), args), ct);
        IReadOnlyList<DocumentKeyHit> found = hits.AsReadOnly();
        rows?.OfferKeyQuery(conversationId, query!, found, generation);
        return found;
    }

    public async Task<IReadOnlySet<string>> FindPresentDocumentKeysAsync(
        string kind, string conversationId, IReadOnlyCollection<string> keys, long beforeSortKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var rows = Rows;
        var query = rows is null ? null : KeyQuery("present", kind, keys, beforeSortKey);
        if (rows is not null && rows.TryGetKeyQuery<IReadOnlySet<string>>(conversationId, query!, out var cached))
        {
            return cached!;
        }

        var generation = rows?.Generation ?? 0;
        var args = KeyArgs(kind, conversationId, keys, beforeSortKey);
        var sql = PresentKeysSql(keys.Count);
        var present = await RepeatableAsync(conn => HotStatements.QueryAsync(conn, null, sql, r => r.GetString(0), args), ct);
        IReadOnlySet<string> found = present.ToFrozenSet(StringComparer.Ordinal);
        rows?.OfferKeyQuery(conversationId, query!, found, generation);
        return found;
    }

    /// <summary>A lookup-key query's identity within its conversation (the cache's key).</summary>
    private static string KeyQuery(string what, string kind, IReadOnlyCollection<string> keys, long beforeSortKey) =>
        string.Concat(what, "\n", kind, "\n", beforeSortKey.ToString(CultureInfo.InvariantCulture), "\n", string.Join('\n', keys));

    private static (string Name, object? Value)[] KeyArgs(string kind, string conversationId, IReadOnlyCollection<string> keys, long beforeSortKey)
    {
        var args = new (string Name, object? Value)[keys.Count + 3];
        args[0] = ("@kind", kind);
        args[1] = ("@conversationId", conversationId);
        args[2] = ("@beforeSortKey", beforeSortKey);
        var i = 3;
        foreach (var key in keys)
        {
            args[i] = ($"@k{i - 3}", key);
            i++;
        }

        return args;
    }

    /// <summary>The key lookup for <paramref name="count"/> keys: one SQL text (and prepared statement) per count.</summary>
    private string FindKeysSql(int count) => KeysSql(_findKeysSql, count, $$"""
        SELECT id, lookup_key, {{SelectInt64("sort_key")}} FROM document_keys
        WHERE kind = @kind AND conversation_id = @conversationId
          AND lookup_key IN ({0}) AND sort_key < @beforeSortKey
        ORDER BY sort_key, id, lookup_key
        """);

    /// <summary>
    /// Which keys occur at all: answered from the lookup index alone (kind, conversation, key, sort key), without
    /// visiting the table once per document that carries the key.
    /// </summary>
    private string PresentKeysSql(int count) => KeysSql(_presentKeysSql, count, """
        SELECT DISTINCT lookup_key FROM document_keys
        WHERE kind = @kind AND conversation_id = @conversationId
          AND lookup_key IN ({0}) AND sort_key < @beforeSortKey
        """);

    private static string KeysSql(string?[] cache, int count, string template)
    {
        if (count < cache.Length && cache[count] is { } cached)
        {
            return cached;
        }

        var sql = string.Format(CultureInfo.InvariantCulture, template, string.Join(", ", Enumerable.Range(0, count).Select(k => $"@k{k}")));
        if (count < cache.Length)
        {
            cache[count] = sql;
        }

        return sql;
    }

    private readonly string?[] _findKeysSql = new string?[64];

    private readonly string?[] _presentKeysSql = new string?[64];
}
