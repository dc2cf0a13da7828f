using System.Data.Common;
using Dapper;

namespace MdoBot.Storage;

/// <summary>
/// Migration 5: per-conversation delivery state and dead letters. <c>delivery_state</c> holds a conversation's
/// not-before time (from the service's Retry-After or the back-off), its consecutive failures and the last status,
/// so that a restart or a wake-up never sends to a throttled chat early. A failed outbox row (<c>failed = 1</c>)
/// becomes a dead letter with its status, short reason and time, and <c>reported = 0</c> until the responsible
/// person has been told; rows given up by an earlier release keep <c>reported = 1</c> (nobody is told late).
/// A database of the previous release upgrades without losing a row; messages it stored without a creation time
/// get the migration's time, so their 24-hour window starts now rather than at 1970.
/// </summary>
internal static class DeliveryState
{
    public static Migration Migration { get; } = new(5, """
        CREATE TABLE delivery_state (
            conversation_id TEXT PRIMARY KEY,
            not_before BIGINT NOT NULL,
            failures INTEGER NOT NULL,
            last_status INTEGER NOT NULL,
            updated_at BIGINT NOT NULL
        );
        ALTER TABLE outbox ADD COLUMN dead_status INTEGER NULL;
        ALTER TABLE outbox ADD COLUMN dead_reason TEXT NULL;
        ALTER TABLE outbox ADD COLUMN dead_at BIGINT NULL;
        ALTER TABLE outbox ADD COLUMN reported INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX ix_outbox_conversation_pending ON outbox (conversation_id, failed, id);
        CREATE INDEX ix_outbox_unreported ON outbox (reported, id);
        """, StampUndatedAsync);

    private static Task StampUndatedAsync(DbConnection conn, DbTransaction tx, long now) =>
        conn.ExecuteAsync("UPDATE outbox SET created_at = @now WHERE created_at = 0", new { now }, tx);
}
