using System.Diagnostics;
using System.Globalization;
using MdoBot.EndToEnd.Tests.Harness;
using MdoBot.Testing;
using Npgsql;

namespace MdoBot.EndToEnd.Tests.Cluster;

/// <summary>
/// A private PostgreSQL server for the cluster tests, from <c>scripts/postgres-test-server.sh</c> (the same
/// server binaries the other PostgreSQL tests use), in a directory and on a port of its own: the restart test
/// stops and starts it, which must not disturb the server other test projects share. Each cluster gets a schema.
/// </summary>
public sealed class ClusterDatabase : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"mdobot-cluster-pg-{Environment.ProcessId}");
    private readonly int _port = HarnessPaths.FreeLoopbackPort();

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => ConnectionString = await ScriptAsync("start");

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ScriptAsync("stop");
    }

    /// <summary>A fresh schema; the returned connection string has it as search path.</summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = "mdobot_c_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(ConnectionString, $"CREATE SCHEMA {schema}");
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema, ApplicationName = "mdobot-cluster-test" }.ConnectionString;
    }

    /// <summary>Stops the server (fast shutdown: sessions are cut) and starts it again on the same data and port.</summary>
    public async Task<TimeSpan> RestartAsync()
    {
        var watch = Stopwatch.StartNew();
        await ScriptAsync("stop", keep: true);
        await ScriptAsync("start");
        return watch.Elapsed;
    }

    /// <summary>The outbox lease row: holder id ("machine/pid/…") and fencing token.</summary>
    public static async Task<(string Holder, long Token)> LeaseAsync(string cs)
    {
        await using var conn = await OpenAsync(cs);
        await using var cmd = new NpgsqlCommand("SELECT holder, token FROM leases WHERE lease_name = 'outbox'", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetInt64(1)) : ("", 0);
    }

    public static async Task<long> PendingOutboxAsync(string cs)
    {
        await using var conn = await OpenAsync(cs);
        await using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM outbox WHERE failed = 0", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>How often each audit action is in each conversation's trail.</summary>
    public static async Task<Dictionary<(string Conversation, string Action), long>> AuditCountsAsync(string cs)
    {
        await using var conn = await OpenAsync(cs);
        await using var cmd = new NpgsqlCommand("SELECT conversation_id, action, COUNT(*) FROM audit GROUP BY conversation_id, action", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var counts = new Dictionary<(string, string), long>();
        while (await reader.ReadAsync())
        {
            counts[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        return counts;
    }

    /// <summary>Clock timers (warning, time-up) still stored: none once every notice went out.</summary>
    public static async Task<long> PendingClockTimersAsync(string cs)
    {
        await using var conn = await OpenAsync(cs);
        await using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM timers WHERE kind IN ('case.warning', 'case.timeUp')", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>pg_terminate_backend of every session of one node; returns how many were ended.</summary>
    public static async Task<int> TerminateSessionsAsync(string cs, string applicationName)
    {
        await using var conn = await OpenAsync(cs);
        await using var cmd = new NpgsqlCommand(
            "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @name) t", conn);
        cmd.Parameters.AddWithValue("name", applicationName);
        return (int)(long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string cs, string sql)
    {
        await using var conn = await OpenAsync(cs);
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAsync(string cs)
    {
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Pooling = false, ApplicationName = "mdobot-cluster-test" }.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    private async Task<string> ScriptAsync(string command, bool keep = false)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(SharedPaths.RepoRoot, "scripts", "postgres-test-server.sh"));
        info.ArgumentList.Add(command);
        info.Environment["MDOBOT_PG_DIR"] = _dir;
        info.Environment["MDOBOT_PG_PORT"] = _port.ToString(CultureInfo.InvariantCulture);
        info.Environment["MDOBOT_PG_KEEP"] = keep ? "1" : "0";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not run bash.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"postgres-test-server.sh {command} failed ({process.ExitCode}): {await stderr}");
        }

        return (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
    }
}
