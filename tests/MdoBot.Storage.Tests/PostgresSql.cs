using System.Diagnostics;
using Npgsql;

namespace MdoBot.Storage.Tests;

/// <summary>Raw SQL for PostgreSQL tests (what another process would do, or a look at the catalog).</summary>
internal static class PostgresSql
{
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = Command(conn, sql, parameters);
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<List<string>> StringsAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public static NpgsqlCommand Command(NpgsqlConnection conn, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return cmd;
    }

    /// <summary>
    /// Waits until a session with this application name waits for a lock held by another session:
    /// a server-side state, polled (bounded by a generous deadline so a hang fails the test).
    /// </summary>
    public static async Task WaitUntilBlockedAsync(string connectionString, string applicationName)
    {
        var deadline = Stopwatch.StartNew();
        while (await ScalarAsync<long>(connectionString,
                   "SELECT count(*) FROM pg_stat_activity WHERE application_name = @app AND wait_event_type = 'Lock'",
                   ("app", applicationName)) == 0)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"Session '{applicationName}' never waited for a lock.");
            }

            await Task.Delay(5); // allowed: bounded poll for a lock to be taken, not waiting for time
        }
    }
}
