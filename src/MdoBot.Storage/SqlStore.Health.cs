using System.Data.Common;
using Dapper;

namespace MdoBot.Storage;

/// <summary>What the outbox holds right now: the readiness check's and the metrics' input.</summary>
/// <param name="Pending">Messages waiting for delivery.</param>
/// <param name="OldestPendingId">Id of the oldest waiting message (null when none): ids only grow.</param>
/// <param name="DeadLetters">Messages given up for good (kept for inspection).</param>
/// <param name="OldestPendingSince">When the oldest waiting message was stored (<c>outbox.created_at</c>); null when none.</param>
public sealed record OutboxStats(long Pending, long? OldestPendingId, long DeadLetters, DateTimeOffset? OldestPendingSince = null);

public abstract partial class SqlStore
{
    /// <summary>The newest schema version this release knows.</summary>
    public static long LatestSchemaVersion => Migrations.All.Max(m => m.Version);

    /// <summary>The schema version the database is at (0 when it was never migrated).</summary>
    public async Task<long> GetSchemaVersionAsync(CancellationToken ct = default)
    {
        await using var conn = await OpenAsync(ct);
        try
        {
            return await conn.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(version) FROM schema_version", cancellationToken: ct)) ?? 0;
        }
        catch (DbException)
        {
            return 0; // no schema_version table yet
        }
    }

    public async Task<OutboxStats> GetOutboxStatsAsync(CancellationToken ct = default)
    {
        await using var conn = await OpenAsync(ct);
        var row = await conn.QuerySingleAsync<(long Pending, long? Oldest, long Dead, long? Since)>(new CommandDefinition(
            $"""
            SELECT {SelectInt64("COUNT(CASE WHEN failed = 0 THEN 1 END)", "pending")},
              {SelectInt64("MIN(CASE WHEN failed = 0 THEN id END)", "oldest")},
              {SelectInt64("COUNT(CASE WHEN failed <> 0 THEN 1 END)", "dead")},
              {SelectInt64("MIN(CASE WHEN failed = 0 THEN created_at END)", "since")}
            FROM outbox
            """, cancellationToken: ct));
        return new OutboxStats(row.Pending, row.Oldest, row.Dead, row.Since is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }
}
