namespace MdoBot.Storage;

/// <summary>
/// Migration 3: the lease row of outbox delivery (replacing PostgreSQL's session advisory lock, which had
/// no expiry). One row per lease: its holder (diagnostics), its fencing token (raised on every takeover)
/// and its expiry in Unix milliseconds of the DATABASE's clock. The row exists from the start, so taking
/// the lease over is a single conditional UPDATE.
/// </summary>
internal static class LeaseTable
{
    /// <summary>The lease of outbox delivery.</summary>
    public const string OutboxLease = "outbox";

    public static Migration Migration { get; } = new(3, """
        CREATE TABLE leases (
            lease_name TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            token BIGINT NOT NULL,
            expires_at BIGINT NOT NULL
        );
        INSERT INTO leases (lease_name, holder, token, expires_at) VALUES ('outbox', '', 0, 0);
        """);
}
