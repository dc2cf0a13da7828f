using Dapper;
using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage;

/// <summary>The outbox's reads: pending messages, the per-conversation schedule (not-before times) and dead letters.</summary>
public abstract partial class SqlStore
{
    private string OutboxColumns => $"""
        id, conversation_id, service_url, operation, activity_json, card_key, target_user_id, tenant_id,
          {SelectInt64("attempts")}, {SelectInt64("failed")}, scope, created_at
        """;

    private string DeadLetterColumns => $"""
        id, conversation_id, service_url, operation, card_key, target_user_id, tenant_id,
          {SelectInt64("dead_status")}, dead_reason, dead_at, created_at
        """;

    public async Task<IReadOnlyList<OutboxItem>> GetPendingAsync(int max, CancellationToken ct = default)
    {
        await using var conn = await OpenAsync(ct);
        var rows = await conn.QueryAsync<OutboxRow>(new CommandDefinition(
            $"SELECT {OutboxColumns} FROM outbox WHERE failed = 0 ORDER BY id LIMIT @max", new { max }, cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    private string? _pendingOfConversationSql;

    public async Task<IReadOnlyList<OutboxItem>> GetPendingAsync(string conversationId, int max, CancellationToken ct = default)
    {
        _pendingOfConversationSql ??= $"SELECT {OutboxColumns} FROM outbox WHERE conversation_id = @conversationId AND failed = 0 ORDER BY id LIMIT @max";
        await using var conn = await OpenAsync(ct);
        var rows = await HotStatements.QueryAsync(conn, null, _pendingOfConversationSql,
            r => new OutboxRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.NullableString(5), r.NullableString(6),
                r.NullableString(7), r.GetInt64(8), r.GetInt64(9), r.NullableString(10), r.GetInt64(11)),
            ("@conversationId", conversationId), ("@max", max));
        return rows.ConvertAll(r => r.ToDomain());
    }

    private string? _nextNotBeforeSql;

    public async Task<OutboxSchedule> GetScheduleAsync(DateTimeOffset now, int max, CancellationToken ct = default)
    {
        var at = now.ToUnixTimeMilliseconds();
        await using var conn = await OpenAsync(ct);
        var due = await HotStatements.QueryAsync(conn, null,
            """
            SELECT o.conversation_id FROM outbox o
              LEFT JOIN delivery_state s ON s.conversation_id = o.conversation_id
            WHERE o.failed = 0 AND (s.not_before IS NULL OR s.not_before <= @at)
            GROUP BY o.conversation_id ORDER BY MIN(o.id) LIMIT @max
            """, r => r.GetString(0), ("@at", at), ("@max", max));
        _nextNotBeforeSql ??= $"""
            SELECT {SelectInt64("MIN(s.not_before)", "next_at")} FROM delivery_state s
            WHERE s.not_before > @at AND EXISTS (SELECT 1 FROM outbox o WHERE o.conversation_id = s.conversation_id AND o.failed = 0)
            """;
        var next = (await HotStatements.QueryAsync(conn, null, _nextNotBeforeSql, r => r.NullableInt64(0), ("@at", at))).FirstOrDefault();
        return new OutboxSchedule(due, next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }

    public async Task<DateTimeOffset?> GetNotBeforeAsync(string conversationId, CancellationToken ct = default)
    {
        await using var conn = await OpenAsync(ct);
        var ms = await conn.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT not_before FROM delivery_state WHERE conversation_id = @conversationId", new { conversationId }, cancellationToken: ct));
        return ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
    }

    public Task<IReadOnlyList<DeadLetter>> GetUnreportedDeadLettersAsync(int max, CancellationToken ct = default) =>
        QueryDeadLettersAsync("failed = 1 AND reported = 0", max, ct);

    public Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(int max, CancellationToken ct = default) =>
        QueryDeadLettersAsync("failed = 1", max, ct);

    private async Task<IReadOnlyList<DeadLetter>> QueryDeadLettersAsync(string where, int max, CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct);
        var rows = await conn.QueryAsync<DeadLetterRow>(new CommandDefinition(
            $"SELECT {DeadLetterColumns} FROM outbox WHERE {where} ORDER BY id LIMIT @max", new { max }, cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }
}
