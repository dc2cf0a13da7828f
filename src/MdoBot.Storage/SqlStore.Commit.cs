using System.Data.Common;
using Dapper;
using MdoBot.Domain.Persistence;

namespace MdoBot.Storage;

public abstract partial class SqlStore
{
    public Task<CommitOutcome> CommitAsync(ChangeSet changes, CancellationToken ct = default) =>
        WriteAsync(() => CommitCoreAsync(changes, ct), ct);

    private async Task<CommitOutcome> CommitCoreAsync(ChangeSet changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var conn = await OpenAsync(ct);
        await using var tx = await BeginWriteAsync(conn, ct);
        try
        {
            var outcome = await ApplyAsync(conn, tx, changes);
            if (outcome == CommitOutcome.Committed)
            {
                await tx.CommitAsync(ct);
            }
            else
            {
                await tx.RollbackAsync(ct);
            }

            return outcome;
        }
        catch (DbException ex) when (TranslateCommitFailure(ex) is { } outcome)
        {
            return outcome; // nothing was written: disposing the transaction rolls it back
        }
    }

    /// <summary>
    /// Maps a failure caused by a concurrent writer (another instance) to the outcome it means;
    /// null keeps it an exception. SQLite serializes writers, so the default maps nothing.
    /// </summary>
    protected virtual CommitOutcome? TranslateCommitFailure(DbException exception) => null;

    private async Task<CommitOutcome> ApplyAsync(DbConnection conn, DbTransaction tx, ChangeSet changes)
    {
        var now = Now();
        if (changes.InboxKey is { } key)
        {
            var added = await conn.ExecuteAsync(
                "INSERT INTO inbox (inbox_key, invoke_response, received_at) VALUES (@key, @response, @now) ON CONFLICT (inbox_key) DO NOTHING",
                new { key, response = changes.InvokeResponse, now }, tx);
            if (added == 0)
            {
                return CommitOutcome.Duplicate;
            }
        }

        if (changes.FiredTimerKey is { } timerKey
            && await conn.ExecuteAsync("DELETE FROM timers WHERE timer_key = @timerKey", new { timerKey }, tx) == 0)
        {
            return CommitOutcome.Duplicate;
        }

        foreach (var doc in changes.Documents)
        {
            if (!await ApplyDocumentAsync(conn, tx, doc, now))
            {
                return CommitOutcome.Conflict;
            }
        }

        foreach (var c in changes.Conversations)
        {
            await conn.ExecuteAsync(
                """
                INSERT INTO conversations (conversation_id, service_url, tenant_id, bot_id, channel_id, kind, meeting_id, locale, installed_at, active)
                VALUES (@ConversationId, @ServiceUrl, @TenantId, @BotId, @ChannelId, @Kind, @MeetingId, @Locale, @InstalledAt, @Active)
                ON CONFLICT (conversation_id) DO UPDATE SET service_url = excluded.service_url, tenant_id = excluded.tenant_id,
                  bot_id = excluded.bot_id, kind = excluded.kind, meeting_id = COALESCE(excluded.meeting_id, conversations.meeting_id),
                  locale = COALESCE(excluded.locale, conversations.locale), active = excluded.active
                """,
                ConversationRow.From(c), tx);
        }

        foreach (var k in changes.CancelledTimers)
        {
            await conn.ExecuteAsync("DELETE FROM timers WHERE timer_key = @k", new { k }, tx);
        }

        foreach (var t in changes.Timers)
        {
            await conn.ExecuteAsync(
                """
                INSERT INTO timers (timer_key, kind, due_at, conversation_id, payload) VALUES (@Key, @Kind, @DueAt, @ConversationId, @Payload)
                ON CONFLICT (timer_key) DO UPDATE SET kind = excluded.kind, due_at = excluded.due_at, payload = excluded.payload
                """,
                new { t.Key, t.Kind, DueAt = t.DueAt.ToUnixTimeMilliseconds(), t.ConversationId, t.Payload }, tx);
        }

        foreach (var o in changes.Outbox)
        {
            await conn.ExecuteAsync(
                """
                INSERT INTO outbox (conversation_id, service_url, operation, activity_json, card_key, target_user_id, tenant_id, attempts, failed)
                VALUES (@ConversationId, @ServiceUrl, @Operation, @ActivityJson, @CardKey, @TargetUserId, @TenantId, 0, 0)
                """,
                new { o.ConversationId, o.ServiceUrl, Operation = o.Operation.ToString(), o.ActivityJson, o.CardKey, o.TargetUserId, o.TenantId }, tx);
        }

        foreach (var a in changes.Audit)
        {
            await conn.ExecuteAsync(
                "INSERT INTO audit (at, user_id, action, conversation_id, mdo_id, case_id) VALUES (@At, @UserId, @Action, @ConversationId, @MdoId, @CaseId)",
                new { At = a.At.ToUnixTimeMilliseconds(), a.UserId, a.Action, a.ConversationId, a.MdoId, a.CaseId }, tx);
        }

        return CommitOutcome.Committed;
    }

    private static async Task<bool> ApplyDocumentAsync(DbConnection conn, DbTransaction tx, DocumentChange doc, long now)
    {
        var args = new { doc.Kind, doc.Id, doc.ConversationId, doc.ExpectedVersion, doc.Json, doc.Status, now };
        if (doc.Json is null)
        {
            return await conn.ExecuteAsync(
                "DELETE FROM documents WHERE kind = @Kind AND id = @Id AND version = @ExpectedVersion", args, tx) == 1;
        }

        if (doc.ExpectedVersion == 0)
        {
            return await conn.ExecuteAsync(
                """
                INSERT INTO documents (kind, id, conversation_id, version, status, json, updated_at)
                VALUES (@Kind, @Id, @ConversationId, 1, @Status, @Json, @now) ON CONFLICT (kind, id) DO NOTHING
                """, args, tx) == 1;
        }

        return await conn.ExecuteAsync(
            """
            UPDATE documents SET version = version + 1, json = @Json, status = @Status, updated_at = @now
            WHERE kind = @Kind AND id = @Id AND version = @ExpectedVersion
            """, args, tx) == 1;
    }
}
