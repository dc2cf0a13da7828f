using System.Diagnostics;
using MdoBot.Testing;
using Npgsql;

namespace MdoBot.Storage.Tests;

/// <summary>Every test class that needs PostgreSQL joins this collection (one server per test run).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";
}

/// <summary>
/// The PostgreSQL server of the tests: the connection string in <c>MDOBOT_TEST_POSTGRES</c> (set by
/// test.sh), or else a throwaway server started with <c>scripts/postgres-test-server.sh start</c>
/// (and stopped at the end when this run started it). On CI, or with
/// <c>MDOBOT_REQUIRE_POSTGRES=1</c>, a missing <c>MDOBOT_TEST_POSTGRES</c> fails the tests instead.
/// Each store gets a schema of its own, dropped afterwards.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    public const string ConnectionStringVariable = "MDOBOT_TEST_POSTGRES";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(10);
    private bool _stopAtEnd;

    /// <summary>Connection string of the test database (no search path).</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            await EnsureReachableAsync($"{ConnectionStringVariable} is set, but");
            return;
        }

        if (IsRequired(out var why))
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need {ConnectionStringVariable} ({why}): start a server with " +
                $"'scripts/postgres-test-server.sh start' and export {ConnectionStringVariable}=\"$(scripts/postgres-test-server.sh url)\".");
        }

        var wasRunning = (await RunScriptAsync("status")).ExitCode == 0;
        var (code, stdout, stderr) = await RunScriptAsync("start");
        if (code != 0)
        {
            throw new InvalidOperationException(
                $"{ConnectionStringVariable} is not set and 'scripts/postgres-test-server.sh start' failed (exit {code}):\n{stderr}");
        }

        ConnectionString = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        _stopAtEnd = !wasRunning;
        await EnsureReachableAsync("scripts/postgres-test-server.sh started a server, but");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_stopAtEnd)
        {
            await RunScriptAsync("stop");
        }
    }

    /// <summary>Creates an empty schema and returns a connection string whose search path is that schema.</summary>
    public async Task<string> CreateSchemaAsync(string? applicationName = null)
    {
        var schema = "mdobot_t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE SCHEMA {schema}");
        return new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            SearchPath = schema,
            ApplicationName = applicationName ?? "mdobot-storage-tests",
            MaxPoolSize = 10,
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    public static string SchemaOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).SearchPath!;

    public static string WithApplicationName(string connectionString, string applicationName) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = applicationName }.ConnectionString;

    public Task DropSchemaAsync(string schema) => ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE");

    private async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task EnsureReachableAsync(string context)
    {
        try
        {
            await ExecuteAsync("SELECT 1");
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{context} PostgreSQL is not reachable with '{ConnectionString}': {ex.Message}", ex);
        }
    }

    private static bool IsRequired(out string why)
    {
        var ci = Environment.GetEnvironmentVariable("CI");
        if (!string.IsNullOrWhiteSpace(ci) && ci is not "0" && !ci.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            why = "CI is set";
            return true;
        }

        why = "MDOBOT_REQUIRE_POSTGRES=1";
        return Environment.GetEnvironmentVariable("MDOBOT_REQUIRE_POSTGRES") == "1";
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunScriptAsync(string command)
    {
        var script = Path.Combine(SharedPaths.RepoRoot, "scripts", "postgres-test-server.sh");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(command);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not run bash.");
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/postgres-test-server.sh {command} did not finish within {ScriptTimeout}.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
