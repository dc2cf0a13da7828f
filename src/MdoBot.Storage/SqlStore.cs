using System.Data.Common;
using Dapper;
using MdoBot.Domain.Conversations;
using MdoBot.Domain.Persistence;

namespace MdoBot.Storage;

/// <summary>
/// The store over portable SQL (Dapper). Providers supply connections, the transaction start
/// and the auto-id column type; everything else is shared between SQLite and PostgreSQL.
/// </summary>
public abstract partial class SqlStore(TimeProvider time) : IStore, IOutboxStore, ITimerStore
{
    protected TimeProvider Time { get; } = time;

    private readonly SemaphoreSlim _writeGate = new(1, 1);

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
            return await write();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    protected abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    protected abstract string AutoIdColumn { get; }

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

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var conn = await OpenAsync(ct);
        await using var tx = await BeginWriteAsync(conn, ct);
        await LockMigrationsAsync(conn, tx, ct);
        await conn.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", transaction: tx);
        var current = await conn.ExecuteScalarAsync<long?>("SELECT MAX(version) FROM schema_version", transaction: tx) ?? 0;
        for (var i = (int)current; i < Migrations.All.Count; i++)
        {
            var sql = Migrations.All[i].Replace(Migrations.AutoIdPlaceholder, AutoIdColumn, StringComparison.Ordinal);
            await conn.ExecuteAsync(sql, transaction: tx);
            await conn.ExecuteAsync("INSERT INTO schema_version (version) VALUES (@v)", new { v = i + 1 }, tx);
        }

        await tx.CommitAsync(ct);
    }

    public abstract Task CompactAsync(CancellationToken ct = default);

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string conversationId, int max, CancellationToken ct = default)
    {
        await using var conn = await OpenAsync(ct);
        var rows = await conn.QueryAsync<AuditRow>(
            "SELECT at, user_id, action, conversation_id, mdo_id, case_id FROM audit WHERE conversation_id = @conversationId ORDER BY id DESC LIMIT @max",
            new { conversationId, max });
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        try
        {
            await using var conn = await OpenAsync(ct);
            return await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version") > 0;
        }
        catch (DbException)
        {
            return false;
        }
    }

    public async Task<InboxEntry?> GetInboxEntryAsync(string inboxKey, CancellationToken ct = default)
    {
        await using var conn = await OpenAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<InboxRow>(
            "SELECT inbox_key, invoke_response FROM inbox WHERE inbox_key = @inboxKey", new { inboxKey });
        return row is null ? null : new InboxEntry(row.Inbox_Key, row.Invoke_Response);
    }

    public async Task<ConversationRef?> GetConversationAsync(string conversationId, CancellationToken ct = default)
    {
        await using var conn = await OpenAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<ConversationRow>(
            $"""
            SELECT conversation_id, service_url, tenant_id, bot_id, channel_id, kind, meeting_id, locale, installed_at,
              {SelectInt64("active")}
            FROM conversations WHERE conversation_id = @conversationId
            """, new { conversationId });
        return row?.ToDomain();
    }

    public async Task<StoredDocument?> GetDocumentAsync(string kind, string id, CancellationToken ct = default)
    {
        await using var conn = await OpenAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<DocumentRow>(
            "SELECT kind, id, conversation_id, version, json, status FROM documents WHERE kind = @kind AND id = @id", new { kind, id });
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<StoredDocument>> GetDocumentsByConversationAsync(string kind, string conversationId, CancellationToken ct = default)
    {
        await using var conn = await OpenAsync(ct);
        var rows = await conn.QueryAsync<DocumentRow>(
            "SELECT kind, id, conversation_id, version, json, status FROM documents WHERE kind = @kind AND conversation_id = @conversationId ORDER BY updated_at",
            new { kind, conversationId });
        return rows.Select(r => r.ToDomain()).ToList();
    }
}
