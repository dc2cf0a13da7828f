namespace MdoBot.Storage;

/// <summary>
/// The schema, as numbered migrations applied in order at start-up. The SQL is kept portable
/// between SQLite and PostgreSQL; the only dialect difference (the outbox key) is a placeholder.
/// Timestamps are stored as Unix milliseconds (BIGINT). A migration may add a data step in C#
/// (<see cref="Migration.Data"/>), run in the same transaction right after its SQL.
/// </summary>
internal static class Migrations
{
    public const string AutoIdPlaceholder = "{AUTO_ID}";

    public const string BytesPlaceholder = "{BYTES}";

    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, """
        CREATE TABLE inbox (
            inbox_key TEXT PRIMARY KEY,
            invoke_response TEXT NULL,
            received_at BIGINT NOT NULL
        );
        CREATE INDEX ix_inbox_received ON inbox (received_at);
        CREATE TABLE conversations (
            conversation_id TEXT PRIMARY KEY,
            service_url TEXT NOT NULL,
            tenant_id TEXT NULL,
            bot_id TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            meeting_id TEXT NULL,
            locale TEXT NULL,
            installed_at BIGINT NOT NULL,
            active INTEGER NOT NULL
        );
        CREATE TABLE outbox (
            id {AUTO_ID},
            conversation_id TEXT NOT NULL,
            service_url TEXT NOT NULL,
            operation TEXT NOT NULL,
            activity_json TEXT NOT NULL,
            card_key TEXT NULL,
            target_user_id TEXT NULL,
            tenant_id TEXT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_outbox_pending ON outbox (failed, id);
        CREATE TABLE posted_cards (
            conversation_id TEXT NOT NULL,
            card_key TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            PRIMARY KEY (conversation_id, card_key)
        );
        CREATE TABLE personal_conversations (
            user_id TEXT PRIMARY KEY,
            conversation_id TEXT NOT NULL
        );
        CREATE TABLE timers (
            timer_key TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            due_at BIGINT NOT NULL,
            conversation_id TEXT NOT NULL,
            payload TEXT NOT NULL
        );
        CREATE INDEX ix_timers_due ON timers (due_at);
        CREATE TABLE documents (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            version BIGINT NOT NULL,
            status TEXT NULL,
            json TEXT NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (kind, id)
        );
        CREATE INDEX ix_documents_conversation ON documents (kind, conversation_id);
        CREATE TABLE audit (
            id {AUTO_ID},
            at BIGINT NOT NULL,
            user_id TEXT NULL,
            action TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            mdo_id TEXT NULL,
            case_id TEXT NULL
        );
        CREATE INDEX ix_audit_conversation ON audit (conversation_id, at);
        """),
        LeanInbox.Migration,
        LeaseTable.Migration,
        MemberLinks.Migration,
        DeliveryState.Migration,
        LeanOutboxIndexes.Migration,
    ];
}

/// <param name="Version">The schema version this migration leads to.</param>
/// <param name="Sql">Portable DDL (several statements).</param>
/// <param name="Data">A data step after the SQL, in the same transaction.</param>
/// <param name="CompactAfter">Rewrite the storage afterwards (dropped content must not linger in the file).</param>
internal sealed record Migration(
    int Version, string Sql, Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, long, Task>? Data = null, bool CompactAfter = false);
