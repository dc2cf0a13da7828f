using System.Data.Common;
using Dapper;
using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage;

public abstract partial class SqlStore
{
    public Task MarkDeliveredAsync(IReadOnlyList<DeliveredItem> delivered, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        return delivered.Count == 0 ? Task.CompletedTask : MarkDeliveredCoreAsync(delivered, null, ct);
    }

    /// <summary>
    /// With a fence (token, lease expiry): written only while that token holds the outbox lease (false = refused).
    /// With group commit the marks join the next batch of turn commits (one transaction and log write for both).
    /// </summary>
    private async Task<bool> MarkDeliveredCoreAsync(IReadOnlyList<DeliveredItem> delivered, (long Token, TimeSpan Expiry)? fence, CancellationToken ct)
    {
        if (_groupCommit is not { } group)
        {
            return await WriteAsync(() => MarkDeliveredAloneAsync(delivered, fence, ct), ct);
        }

        ct.ThrowIfCancellationRequested();
        var outcome = await group.WriteAsync(
            async (conn, tx) => await WriteDeliveredAsync(conn, tx, delivered, fence, CancellationToken.None) ? CommitOutcome.Committed : CommitOutcome.Conflict,
            async () => await WriteAsync(() => MarkDeliveredAloneAsync(delivered, fence, CancellationToken.None), CancellationToken.None)
                ? CommitOutcome.Committed : CommitOutcome.Conflict);
        return outcome == CommitOutcome.Committed;
    }

    private async Task<bool> MarkDeliveredAloneAsync(IReadOnlyList<DeliveredItem> delivered, (long Token, TimeSpan Expiry)? fence, CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct);
        await using var tx = await BeginWriteAsync(conn, ct);
        if (!await WriteDeliveredAsync(conn, tx, delivered, fence, ct))
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Writes the marks inside <paramref name="tx"/>; false (nothing written) when the fence's token no longer holds the lease.</summary>
    private async Task<bool> WriteDeliveredAsync(
        DbConnection conn, DbTransaction tx, IReadOnlyList<DeliveredItem> delivered, (long Token, TimeSpan Expiry)? fence, CancellationToken ct)
    {
        if (fence is { } f && !await HoldsLeaseAsync(conn, tx, f.Token, f.Expiry, ct))
        {
            return false;
        }

        foreach (var conversationId in delivered.Select(d => d.Item.ConversationId).Distinct(StringComparer.Ordinal))
        {
            await HotStatements.ExecuteAsync(conn, tx, "DELETE FROM delivery_state WHERE conversation_id = @conversationId", ("@conversationId", conversationId));
        }

        foreach (var (item, cardActivityId, createdConversationId) in delivered)
        {
            await HotStatements.ExecuteAsync(conn, tx, "DELETE FROM outbox WHERE id = @Id", ("@Id", item.Id));
            if (item.CardKey is { } cardKey && cardActivityId is not null)
            {
                var conversationId = createdConversationId ?? item.ConversationId;
                await HotStatements.ExecuteAsync(conn, tx,
                    """
                    INSERT INTO posted_cards (conversation_id, card_key, activity_id) VALUES (@conversationId, @cardKey, @cardActivityId)
                    ON CONFLICT (conversation_id, card_key) DO UPDATE SET activity_id = excluded.activity_id
                    WHERE posted_cards.activity_id <> excluded.activity_id
                    """,
                    ("@conversationId", conversationId), ("@cardKey", cardKey), ("@cardActivityId", cardActivityId));
            }

            if (item.TargetUserId is { } userId && createdConversationId is not null)
            {
                await conn.ExecuteAsync(
                    """
                    INSERT INTO personal_conversations (user_id, conversation_id) VALUES (@userId, @createdConversationId)
                    ON CONFLICT (user_id) DO UPDATE SET conversation_id = excluded.conversation_id
                    """,
                    new { userId, createdConversationId }, tx);
            }
        }

        return true;
    }

    public Task<int> PruneAsync(DateTimeOffset receivedBefore, int max, CancellationToken ct = default) =>
        WriteAsync(() => PruneCoreAsync(receivedBefore.ToUnixTimeMilliseconds(), max, ct), ct);

    private async Task<int> PruneCoreAsync(long before, int max, CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct);
        await using var tx = await BeginWriteAsync(conn, ct);
        // First the horizon: from now on an activity stamped before it is refused, whether or not its entry is gone yet.
        Rows?.RaiseInboxHorizon(before);
        await conn.ExecuteAsync(
            "UPDATE store_meta SET meta_value = @before WHERE meta_key = 'inbox_forgotten_before' AND meta_value < @before", new { before }, tx);
        var deleted = await conn.ExecuteAsync(
            """
            DELETE FROM inbox WHERE (conversation_id, activity_id) IN
              (SELECT conversation_id, activity_id FROM inbox WHERE received_at < @before ORDER BY received_at LIMIT @max)
            """, new { before, max }, tx);
        deleted += await conn.ExecuteAsync("DELETE FROM outbox WHERE failed = 1 AND reported = 1 AND COALESCE(dead_at, created_at) < @before", new { before }, tx);
        await conn.ExecuteAsync(
            """
            DELETE FROM delivery_state WHERE updated_at < @before
              AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.conversation_id = delivery_state.conversation_id AND o.failed = 0)
            """, new { before }, tx);
        await tx.CommitAsync(ct);
        Rows?.PrunedSeen(before);
        return deleted;
    }

    // Both are read during turns: like the turn's other reads, once more on a fresh connection after a broken one.
    public Task<string?> GetPostedActivityIdAsync(string conversationId, string cardKey, CancellationToken ct = default) =>
        RepeatableAsync(conn => HotStatements.QueryFirstAsync(conn, null,
            "SELECT activity_id FROM posted_cards WHERE conversation_id = @conversationId AND card_key = @cardKey",
            r => r.GetString(0), ("@conversationId", conversationId), ("@cardKey", cardKey)), ct);

    public Task<string?> GetPersonalConversationAsync(string userId, CancellationToken ct = default) =>
        RepeatableAsync(conn => conn.ExecuteScalarAsync<string?>(
            "SELECT conversation_id FROM personal_conversations WHERE user_id = @userId", new { userId }), ct);

    public async Task<IReadOnlyList<TimerRecord>> GetDueAsync(DateTimeOffset until, int max, CancellationToken ct = default)
    {
        await using var conn = await OpenAsync(ct);
        var rows = await conn.QueryAsync<TimerRow>(
            "SELECT timer_key, kind, due_at, conversation_id, payload FROM timers WHERE due_at <= @until ORDER BY due_at LIMIT @max",
            new { until = until.ToUnixTimeMilliseconds(), max });
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task<DateTimeOffset?> GetNextDueAsync(CancellationToken ct = default)
    {
        await using var conn = await OpenAsync(ct);
        var next = await conn.ExecuteScalarAsync<long?>("SELECT MIN(due_at) FROM timers");
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }
}
