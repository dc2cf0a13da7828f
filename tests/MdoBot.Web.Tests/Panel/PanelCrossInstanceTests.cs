using System.Diagnostics;
using MdoBot.Web.Tests.Security;
using Npgsql;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Panel;

/// <summary>Two MdoBot instances on one PostgreSQL database: a change on one reaches a panel open on the other.</summary>
public sealed class PanelCrossInstanceTests
{
    private const string ConnectionStringVariable = "MDOBOT_TEST_POSTGRES";

    [Fact]
    public async Task Stream_CardClickOnAnotherInstance_ReachesOpenPanelWithinTwoSeconds()
    {
        var server = Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } cs ? cs
            : throw new InvalidOperationException($"Set {ConnectionStringVariable} (scripts/postgres-test-server.sh start prints it; test.sh sets it).");
        var schema = "mdobot_panel_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "postgres",
                ["Storage:PostgresConnectionString"] = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString,
            };
            await using var a = await PanelApp.StartAsync(settings);
            await using var b = await SecurityKit.StartAsync(settings: new(settings) { ["Security:AllowedTenants:0"] = PanelApp.Tenant });
            var chatOnB = new MeetingChat(b);
            await using var stream = await PanelStream.OpenAsync(a, Social);
            await stream.NextAsync("state");

            var clock = Stopwatch.StartNew();
            await chatOnB.InvokeAsync(Chair, ActionData(a.CaseCard, "mdo.extend"), "on-b-1"); // a new id: the inbox is shared
            var changed = await stream.NextAsync("state");

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
            Assert.Equal(25, (int)changed["current"]!["minutes"]!);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
