using System.Net;
using MdoBot.Testing;
using MdoBot.Web.Tests.Security;
using Microsoft.Data.Sqlite;

namespace MdoBot.Web.Tests.Operations;

/// <summary>/healthz (alive) and /readyz (database, schema version, loops, outbox age) on the real host.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private BotApp _app = null!;

    public async Task InitializeAsync() => _app = await BotApp.StartAsync(new Dictionary<string, string?>
    {
        ["Connector:MaxRetries"] = "0",
        ["Health:MaxOutboxAge"] = "00:10:00",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        var response = await _app.Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Alive_and_ready_after_start()
    {
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await GetAsync("/healthz"));
        var (status, body) = await GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy\ndatabase: Healthy\nloops: Healthy\noutbox: Healthy\n", body);
    }

    [Fact]
    public async Task Not_ready_when_the_database_is_at_another_schema_version()
    {
        using (var conn = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "DELETE FROM schema_version WHERE version = (SELECT MAX(version) FROM schema_version)";
            cmd.ExecuteNonQuery();
        }

        var (status, body) = await GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("database: Unhealthy (schema version ", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/healthz")).Status); // alive all the same
    }

    [Fact]
    public async Task Not_ready_while_the_oldest_outgoing_message_waits_too_long_and_ready_again_once_delivered()
    {
        for (var i = 0; i < 50; i++)
        {
            _app.Connector.FailNext.Enqueue(503);
        }

        await _app.PostAsync(_app.Fixture("personal-conversationUpdate"));
        await WaitForFailedDeliveryAsync();
        var queued = await GetAsync("/readyz");
        Assert.True(queued.Status == HttpStatusCode.OK, queued.Body); // just queued

        _app.Time.Advance(TimeSpan.FromMinutes(11));
        var (status, body) = await GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("outbox: Unhealthy (oldest of 1 pending messages waits 660 s (limit 600 s))", body, StringComparison.Ordinal);

        // Once delivery works again, the dispatcher's stored back-off (at most 5 minutes) runs out on the manual
        // clock, the message goes out, and MdoBot is ready again.
        _app.Connector.FailNext.Clear();
        _app.Time.Advance(TimeSpan.FromMinutes(6));
        for (var minute = 0; !_app.Connector.Calls.Any(c => c.Kind == "send"); minute++)
        {
            // A delivery attempt still in flight when the clock moved arms its back-off afterwards, from the new time:
            // the manual clock moves on a minute at a time (within the 5-minute back-off) until the message goes out.
            Assert.True(minute < 6, "the message was not sent after the back-off ran out");
            try
            {
                await _app.Connector.WaitForAsync(c => c.Kind == "send", TimeSpan.FromSeconds(3));
            }
            catch (TimeoutException)
            {
                _app.Time.Advance(TimeSpan.FromMinutes(1));
            }
        }
        await _app.DrainAsync();
        var ready = await GetAsync("/readyz");
        Assert.True(ready.Status == HttpStatusCode.OK, ready.Body);

        Assert.Contains(_app.Connector.Calls, c => c.Kind == "send");
    }

    [Fact]
    public async Task A_restarted_instance_reports_the_stored_age_of_the_oldest_outgoing_message()
    {
        for (var i = 0; i < 50; i++)
        {
            _app.Connector.FailNext.Enqueue(503);
        }

        await _app.PostAsync(_app.Fixture("personal-conversationUpdate"));
        await WaitForFailedDeliveryAsync();
        _app.Time.Advance(TimeSpan.FromMinutes(11));

        // A new process has never seen the message before: the age comes from the stored time, not from its samples.
        await _app.RestartAsync();
        var (status, body) = await GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("oldest of 1 pending messages waits 660 s (limit 600 s)", body, StringComparison.Ordinal);
    }

    private Task WaitForFailedDeliveryAsync() => _app.Connector.FirstFailedAnswer.WaitAsync(TimeSpan.FromSeconds(15));
}
