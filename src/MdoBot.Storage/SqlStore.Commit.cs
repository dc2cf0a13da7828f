using System.Data.Common;
using Dapper;
using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage;

public abstract partial class SqlStore
{
    private GroupCommit? _groupCommit;

    /// <summary>
    /// Commits concurrent change sets together (see <see cref="GroupCommit"/>); for single-writer databases,
    /// where writers queue anyway. Off: each change set is its own transaction.
    /// </summary>
    protected bool GroupCommitEnabled
    {
        get => _groupCommit is not null;
        init => _groupCommit = value
            ? new GroupCommit(write => WriteAsync(write, CancellationToken.None), OpenAsync, BeginWriteAsync, ApplyAsync,
                changes => WriteAsync(() => CommitRetryingAsync(changes, CancellationToken.None), CancellationToken.None))
            : null;
    }

    /// <summary>Answers compressed before the commit (outside the write gate), by inbox record.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<InboxRecord, byte[]> _packedAnswers = [];

    /// <summary>The seal key an attempt read or created in the database, by inbox record: offered to the row cache once committed.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<InboxRecord, LearnedSealKey> _learnedSealKeys = [];

    private sealed record LearnedSealKey(string Scope, byte[] Key, long Generation);

    public Task<CommitOutcome> CommitAsync(ChangeSet changes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Inbox is { Answer: { } answer } inbox)
        {
            _packedAnswers.AddOrUpdate(inbox, AnswerSeal.Pack(answer));
        }

        var commit = _groupCommit is { } group ? group.CommitAsync(changes) : WriteAsync(() => CommitRetryingAsync(changes, ct), ct);
        return Rows is { } rows ? FollowedAsync(commit, changes, rows) : commit;
    }

    /// <summary>Tells the row cache what the commit did: a committed change set's rows, or that it touched rows it may not have written.</summary>
    private async Task<CommitOutcome> FollowedAsync(Task<CommitOutcome> commit, ChangeSet changes, RowCache rows)
    {
        CommitOutcome outcome;
        try
        {
            outcome = await commit;
        }
        catch
        {
            rows.Evict(changes); // the outcome is unknown: read it all again
            throw;
        }

        if (outcome == CommitOutcome.Committed)
        {
            rows.Committed(changes);
            if (changes.Inbox is { } inbox)
            {
                rows.NoteSeen(inbox.ConversationId, inbox.ActivityId, Time.GetUtcNow().ToUnixTimeMilliseconds());
                if (_learnedSealKeys.TryGetValue(inbox, out var learned) && _learnedSealKeys.Remove(inbox))
                {
                    rows.OfferSealKey(learned.Scope, learned.Key, learned.Generation);
                }
            }
        }
        else
        {
            rows.Evict(changes);
        }

        return outcome;
    }

    private async Task<CommitOutcome> CommitCoreAsync(ChangeSet changes, CommitAttempt attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var conn = await OpenAsync(ct);
        await using var tx = await BeginWriteAsync(conn, ct);
        try
        {
            var outcome = await ApplyAsync(conn, tx, changes);
            if (outcome == CommitOutcome.Committed)
            {
                attempt.CommitSent = true;
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

    /// <summary>Writes one change set inside the open transaction; a non-Committed outcome means the caller must roll it back.</summary>
    private async Task<CommitOutcome> ApplyAsync(DbConnection conn, DbTransaction tx, ChangeSet changes)
    {
        var now = Now();
        // Erasure first, so that this change set's own answer and messages are sealed and stored afresh.
        foreach (var scope in changes.PurgedScopes)
        {
            Rows?.ForgetSealKey(scope); // now, before the commit: no turn seals with the key from here on
            await conn.ExecuteAsync("DELETE FROM outbox WHERE scope = @scope", new { scope }, tx);
            await conn.ExecuteAsync("DELETE FROM seal_keys WHERE scope = @scope", new { scope }, tx);
            // The scope's sealed answers stay in the inbox (still duplicates) but can no longer be opened; pruning removes them.
        }

        if (changes.Inbox is { } inbox)
        {
            // A turn that skipped the inbox lookup (KnownUnseen) is checked against the horizon here, under the
            // write gate that pruning also takes: an entry pruned meanwhile cannot let its activity through again.
            if (inbox.Stamped is { } stamped && Rows?.InboxHorizon is { } horizon && stamped.ToUnixTimeMilliseconds() < horizon)
            {
                return CommitOutcome.Duplicate;
            }

            if (!await InsertInboxAsync(conn, tx, inbox, changes.Scope ?? string.Empty, now))
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
            if (o.Supersedes)
            {
                // Only the newest state of a card is worth sending: drop older updates still waiting.
                await HotStatements.ExecuteAsync(conn, tx,
                    "DELETE FROM outbox WHERE conversation_id = @ConversationId AND card_key = @CardKey AND operation = 'Update' AND failed = 0",
                    ("@ConversationId", o.ConversationId), ("@CardKey", o.CardKey));
            }

            await InsertOutboxAsync(conn, tx, o, now);
        }

        foreach (var a in changes.Audit)
        {
            await HotStatements.ExecuteAsync(conn, tx,
                "INSERT INTO audit (at, user_id, action, conversation_id, mdo_id, case_id) VALUES (@At, @UserId, @Action, @ConversationId, @Scope, @Item)",
                ("@At", a.At.ToUnixTimeMilliseconds()), ("@UserId", a.UserId), ("@Action", a.Action), ("@ConversationId", a.ConversationId),
                ("@Scope", a.Scope), ("@Item", a.Item));
        }

        return CommitOutcome.Committed;
    }

    /// <summary>Records the activity with its answer sealed under the scope's key (created on first use); false when seen before.</summary>
    private async Task<bool> InsertInboxAsync(DbConnection conn, DbTransaction tx, InboxRecord inbox, string scope, long now)
    {
        byte[]? sealedAnswer = null;
        if (inbox.Answer is { } answer)
        {
            _learnedSealKeys.Remove(inbox);
            var rows = Rows;
            if (rows is null || !rows.TryGetSealKey(scope, out var key))
            {
                var generation = rows?.SealGeneration ?? 0;
                key = await HotStatements.QueryFirstAsync(conn, tx,
                    """
                    INSERT INTO seal_keys (scope, key_bytes, created_at) VALUES (@scope, @fresh, @now) ON CONFLICT (scope) DO NOTHING;
                    SELECT key_bytes FROM seal_keys WHERE scope = @scope;
                    """, r => (byte[])r.GetValue(0), ("@scope", scope), ("@fresh", AnswerSeal.NewKey()), ("@now", now))
                    ?? throw new InvalidOperationException("The seal key was neither found nor created.");
                if (rows is not null)
                {
                    _learnedSealKeys.AddOrUpdate(inbox, new LearnedSealKey(scope, key, generation));
                }
            }

            sealedAnswer = AnswerSeal.SealPacked(key, inbox.ConversationId, inbox.ActivityId,
                _packedAnswers.TryGetValue(inbox, out var packed) ? packed : AnswerSeal.Pack(answer));
        }

        return await HotStatements.ExecuteAsync(conn, tx,
            """
            INSERT INTO inbox (conversation_id, activity_id, status, scope, answer, received_at)
            VALUES (@ConversationId, @ActivityId, @Status, @scope, @sealedAnswer, @now)
            ON CONFLICT (conversation_id, activity_id) DO NOTHING
            """,
            ("@ConversationId", inbox.ConversationId), ("@ActivityId", inbox.ActivityId), ("@Status", inbox.Status), ("@scope", scope),
            ("@sealedAnswer", sealedAnswer), ("@now", now)) == 1;
    }

    private static async Task<bool> ApplyDocumentAsync(DbConnection conn, DbTransaction tx, DocumentChange doc, long now)
    {
        var args = new { doc.Kind, doc.Id, doc.ConversationId, doc.ExpectedVersion, doc.Json, doc.Status, now, sortKey = doc.Index?.SortKey ?? now };
        if (doc.Json is null)
        {
            var deleted = await conn.ExecuteAsync(
                "DELETE FROM documents WHERE kind = @Kind AND id = @Id AND version = @ExpectedVersion", args, tx) == 1;
            if (deleted)
            {
                await conn.ExecuteAsync("DELETE FROM document_keys WHERE kind = @Kind AND id = @Id", args, tx);
            }

            return deleted;
        }

        var indexed = doc.Index is null ? 0 : 1;
        var written = doc.ExpectedVersion == 0
            ? await conn.ExecuteAsync(
                """
                INSERT INTO documents (kind, id, conversation_id, version, status, json, updated_at, sort_key, indexed)
                VALUES (@Kind, @Id, @ConversationId, 1, @Status, @Json, @now, @sortKey, @indexed) ON CONFLICT (kind, id) DO NOTHING
                """, new { doc.Kind, doc.Id, doc.ConversationId, doc.Status, doc.Json, now, args.sortKey, indexed }, tx) == 1
            : await HotStatements.ExecuteAsync(conn, tx,
                """
                UPDATE documents SET version = version + 1, json = @Json, status = @Status, updated_at = @now
                WHERE kind = @Kind AND id = @Id AND version = @ExpectedVersion
                """, ("@Json", doc.Json), ("@Status", doc.Status), ("@now", now), ("@Kind", doc.Kind), ("@Id", doc.Id),
                ("@ExpectedVersion", doc.ExpectedVersion)) == 1; // the sort key is set once, at insert
        if (written && doc.Index is { KeysUnchanged: false } index)
        {
            await WriteKeysAsync(conn, tx, doc.Kind, doc.Id, doc.ConversationId, index);
        }

        return written;
    }

    /// <summary>Stores a document's index (sort key and lookup keys), replacing the previous one.</summary>
    private static async Task WriteIndexAsync(DbConnection conn, DbTransaction tx, string kind, string id, string conversationId, DocumentIndex index)
    {
        await conn.ExecuteAsync(
            "UPDATE documents SET sort_key = @SortKey, indexed = 1 WHERE kind = @kind AND id = @id", new { index.SortKey, kind, id }, tx);
        await WriteKeysAsync(conn, tx, kind, id, conversationId, index);
    }

    private static async Task WriteKeysAsync(DbConnection conn, DbTransaction tx, string kind, string id, string conversationId, DocumentIndex index)
    {
        await conn.ExecuteAsync("DELETE FROM document_keys WHERE kind = @kind AND id = @id", new { kind, id }, tx);
        foreach (var key in index.Keys.Distinct(StringComparer.Ordinal))
        {
            await conn.ExecuteAsync(
                "INSERT INTO document_keys (kind, id, conversation_id, lookup_key, sort_key) VALUES (@kind, @id, @conversationId, @key, @SortKey)",
                new { kind, id, conversationId, key, index.SortKey }, tx);
        }
    }
}
