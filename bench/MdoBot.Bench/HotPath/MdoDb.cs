using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace MdoBot.Bench.HotPath;

/// <summary>
/// Read-only looks into a running MdoBot's SQLite file (WAL: readers do not block its writer). Only
/// the <c>documents</c> and <c>outbox</c> tables are used, so schema work elsewhere does not matter.
/// </summary>
public static class MdoDb
{
    /// <summary>Sum of the stored MDO document versions of the chats of one tag: +1 for every committed change.</summary>
    public static Task<long> VersionSumAsync(string databasePath, string tag, CancellationToken ct)
    {
        var prefix = HotPathSetup.ConversationId(tag, 0)[..^"0@thread.v2".Length]; // "19:meeting_{tag}-"
        return ScalarAsync(databasePath,
            "SELECT COALESCE(SUM(version), 0) FROM documents WHERE kind = 'mdo' AND conversation_id >= $lo AND conversation_id < $hi",
            ct, ("$lo", prefix), ("$hi", prefix[..^1] + "."));
    }

    public static Task<long> MdoCountAsync(string databasePath, CancellationToken ct) =>
        ScalarAsync(databasePath, "SELECT COUNT(*) FROM documents WHERE kind = 'mdo'", ct);

    /// <summary>Messages waiting for delivery (not given up).</summary>
    public static Task<long> PendingOutboxAsync(string databasePath, CancellationToken ct) =>
        ScalarAsync(databasePath, "SELECT COUNT(*) FROM outbox WHERE failed = 0", ct);

    /// <summary>Outbox rows ever created: the AUTOINCREMENT sequence (delivered rows are deleted), else the highest id.</summary>
    public static Task<long> OutboxCreatedAsync(string databasePath, CancellationToken ct) =>
        ScalarAsync(databasePath,
            "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), (SELECT MAX(id) FROM outbox), 0)", ct);

    /// <summary>Polls every 100 ms until no message is pending or <paramref name="limit"/> passed; returns the seconds it took.</summary>
    public static async Task<(double Seconds, bool Empty)> WaitForEmptyOutboxAsync(string databasePath, TimeSpan limit, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (await PendingOutboxAsync(databasePath, ct) > 0)
        {
            if (clock.Elapsed > limit)
            {
                return (clock.Elapsed.TotalSeconds, false);
            }

            await Task.Delay(100, ct);
        }

        return (Math.Round(clock.Elapsed.TotalSeconds, 2), true);
    }

    private static async Task<long> ScalarAsync(string databasePath, string sql, CancellationToken ct, params (string Name, string Value)[] parameters)
    {
        await using var conn = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
