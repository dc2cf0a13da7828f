using System.Data.Common;
using Dapper;

namespace MdoBot.Storage;

/// <summary>
/// Migration 2: the inbox keeps ids, the answer's status and the answer sealed under its scope's key (the
/// first schema stored whole invoke answers in clear, i.e. care text that erasure did not reach); documents get a sort key and lookup keys, so a
/// conversation's current document is found without reading its history; outbox messages get a scope
/// (purged on erasure) and a creation time (failed ones are pruned).
/// </summary>
internal static class LeanInbox
{
    public static Migration Migration { get; } = new(2, """
        CREATE TABLE inbox_v2 (
            conversation_id TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            status INTEGER NOT NULL,
            scope TEXT NOT NULL,
            answer {BYTES} NULL,
            received_at BIGINT NOT NULL,
            PRIMARY KEY (conversation_id, activity_id)
        );
        CREATE TABLE seal_keys (
            scope TEXT PRIMARY KEY,
            key_bytes {BYTES} NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE TABLE store_meta (
            meta_key TEXT PRIMARY KEY,
            meta_value BIGINT NOT NULL
        );
        INSERT INTO store_meta (meta_key, meta_value) VALUES ('inbox_forgotten_before', 0);
        ALTER TABLE documents ADD COLUMN sort_key BIGINT NULL;
        ALTER TABLE documents ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;
        UPDATE documents SET sort_key = updated_at;
        CREATE INDEX ix_documents_sort ON documents (kind, conversation_id, sort_key);
        CREATE TABLE document_keys (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            lookup_key TEXT NOT NULL,
            sort_key BIGINT NOT NULL,
            PRIMARY KEY (kind, id, lookup_key)
        );
        CREATE INDEX ix_document_keys_lookup ON document_keys (kind, conversation_id, lookup_key, sort_key);
        ALTER TABLE outbox ADD COLUMN scope TEXT NULL;
        ALTER TABLE outbox ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;
        CREATE INDEX ix_outbox_card ON outbox (conversation_id, card_key);
        """, CopyInboxAsync, CompactAfter: true);

    /// <summary>Carries the old inbox keys over (so redeliveries stay duplicates) and drops the old table with its answers.</summary>
    private static async Task CopyInboxAsync(DbConnection conn, DbTransaction tx, long now)
    {
        var old = await conn.QueryAsync<(string Key, long ReceivedAt)>("SELECT inbox_key, received_at FROM inbox", transaction: tx);
        foreach (var (key, receivedAt) in old)
        {
            if (Split(key) is not { } ids)
            {
                continue; // not a key the first schema wrote: nothing to carry over
            }

            // The old answer (in clear) is not carried over: a redelivery gets "already processed".
            await conn.ExecuteAsync(
                """
                INSERT INTO inbox_v2 (conversation_id, activity_id, status, scope, answer, received_at)
                VALUES (@conversationId, @activityId, 200, '', NULL, @receivedAt) ON CONFLICT (conversation_id, activity_id) DO NOTHING
                """,
                new { conversationId = ids.ConversationId, activityId = ids.ActivityId, receivedAt }, tx);
        }

        await conn.ExecuteAsync("DROP TABLE inbox", transaction: tx);
        await conn.ExecuteAsync("ALTER TABLE inbox_v2 RENAME TO inbox", transaction: tx);
        await conn.ExecuteAsync("CREATE INDEX ix_inbox_received ON inbox (received_at)", transaction: tx);
        await conn.ExecuteAsync("UPDATE outbox SET created_at = @now", new { now }, tx);
    }

    /// <summary>The first schema's key: <c>{conversationId}|{activityType}|{activityId}</c>.</summary>
    internal static (string ConversationId, string ActivityId)? Split(string key)
    {
        var first = key.IndexOf('|', StringComparison.Ordinal);
        var second = first < 0 ? -1 : key.IndexOf('|', first + 1);
        return first <= 0 || second < 0 || second == key.Length - 1 ? null : (key[..first], key[(second + 1)..]);
    }
}
