using System.Data.Common;
using Dapper;
using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage;

/// <summary>
/// The outbox's failure marks, all fenced by the delivery lease: a temporary failure stores the conversation's
/// not-before time (<c>delivery_state</c>), a permanent one parks the message as a dead letter without its content,
/// and reporting a dead letter stores the notices about it in the same commit (so a restart tells nobody twice).
/// </summary>
public abstract partial class SqlStore
{
    private Task<bool> DeferCoreAsync(OutboxItem item, DateTimeOffset notBefore, int status, (long Token, TimeSpan Expiry) fence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        return FencedAsync(fence, async (conn, tx) =>
        {
            await conn.ExecuteAsync("UPDATE outbox SET attempts = attempts + 1 WHERE id = @Id", new { item.Id }, tx);
            await conn.ExecuteAsync(
                """
                INSERT INTO delivery_state (conversation_id, not_before, failures, last_status, updated_at)
                VALUES (@ConversationId, @notBefore, 1, @status, @now)
                ON CONFLICT (conversation_id) DO UPDATE SET not_before = excluded.not_before,
                  failures = delivery_state.failures + 1, last_status = excluded.last_status, updated_at = excluded.updated_at
                """,
                new { item.ConversationId, notBefore = notBefore.ToUnixTimeMilliseconds(), status, now = Now() }, tx);
        }, ct);
    }

    private Task<bool> ParkCoreAsync(OutboxItem item, int status, string reason, (long Token, TimeSpan Expiry) fence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return FencedAsync(fence, async (conn, tx) =>
        {
            await conn.ExecuteAsync(
                """
                UPDATE outbox SET attempts = attempts + 1, failed = 1, activity_json = '', dead_status = @status,
                  dead_reason = @reason, dead_at = @now, reported = 0
                WHERE id = @Id AND failed = 0
                """, new { item.Id, status, reason, now = Now() }, tx);
            await conn.ExecuteAsync("DELETE FROM delivery_state WHERE conversation_id = @ConversationId", new { item.ConversationId }, tx);
        }, ct);
    }

    private Task<bool> MarkReportedCoreAsync(
        IReadOnlyList<long> ids, IReadOnlyList<OutboxItem> notices, (long Token, TimeSpan Expiry) fence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(notices);
        return FencedAsync(fence, async (conn, tx) =>
        {
            foreach (var id in ids)
            {
                await conn.ExecuteAsync("UPDATE outbox SET reported = 1 WHERE id = @id AND failed = 1", new { id }, tx);
            }

            var now = Now();
            foreach (var notice in notices)
            {
                await InsertOutboxAsync(conn, tx, notice, now);
            }
        }, ct);
    }

    /// <summary>Runs <paramref name="write"/> in one write transaction, only while the token holds the outbox lease.</summary>
    private Task<bool> FencedAsync((long Token, TimeSpan Expiry) fence, Func<DbConnection, DbTransaction, Task> write, CancellationToken ct) =>
        WriteAsync(async () =>
        {
            await using var conn = await OpenAsync(ct);
            await using var tx = await BeginWriteAsync(conn, ct);
            if (!await HoldsLeaseAsync(conn, tx, fence.Token, fence.Expiry, ct))
            {
                await tx.RollbackAsync(ct);
                return false;
            }

            await write(conn, tx);
            await tx.CommitAsync(ct);
            return true;
        }, ct);

    private static Task InsertOutboxAsync(DbConnection conn, DbTransaction tx, OutboxItem o, long now) =>
        HotStatements.ExecuteAsync(conn, tx,
            """
            INSERT INTO outbox (conversation_id, service_url, operation, activity_json, card_key, target_user_id, tenant_id, attempts, failed, scope, created_at)
            VALUES (@ConversationId, @ServiceUrl, @Operation, @ActivityJson, @CardKey, @TargetUserId, @TenantId, 0, 0, @Scope, @now)
            """,
            ("@ConversationId", o.ConversationId), ("@ServiceUrl", o.ServiceUrl), ("@Operation", o.Operation.ToString()), ("@ActivityJson", o.ActivityJson),
            ("@CardKey", o.CardKey), ("@TargetUserId", o.TargetUserId), ("@TenantId", o.TenantId), ("@Scope", o.Scope), ("@now", now));
}
