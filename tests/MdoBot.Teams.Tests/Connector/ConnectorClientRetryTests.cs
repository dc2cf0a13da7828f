using MdoBot.Testing;
using MdoBot.BotFramework.Connector;
using MdoBot.BotFramework.Protocol;
using Microsoft.Extensions.Logging;

namespace MdoBot.Teams.Tests.Connector;

public sealed class ConnectorClientRetryTests : IAsyncLifetime
{
    private const string Conversation = "a:1conv";
    private readonly TestClock _clock = new();
    private FakeConnector _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeConnector.StartAsync(_clock);

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Throttled_with_retry_after_seconds_is_retried_only_after_that_time()
    {
        _fake.Enqueue(new ScriptedReply(429, RetryAfter: "1"));
        var client = ConnectorTestKit.CreateClient(_clock);

        var send = client.SendToConversationAsync(_fake.ServiceUrl, Conversation, Activity.CreateMessage("hello"));
        var delay = await _clock.NextDelayAsync();
        Assert.Equal(TimeSpan.FromSeconds(1), delay);

        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Single(_fake.Requests);
        Assert.False(send.IsCompleted);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var response = await send.WaitAsync(TestClock.SafetyTimeout);

        Assert.Equal("activity-1", response.Id);
        var requests = _fake.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1));
        Assert.Equal(requests[0].Body, requests[1].Body); // content re-created, not a consumed stream
        Assert.Contains("\"text\":\"hello\"", requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_with_retry_after_date_waits_until_that_date()
    {
        var at = _clock.GetUtcNow().AddSeconds(3).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        _fake.Enqueue(new ScriptedReply(429, RetryAfter: at));
        var client = ConnectorTestKit.CreateClient(_clock);

        var send = client.SendToConversationAsync(_fake.ServiceUrl, Conversation, Activity.CreateMessage("x"));
        Assert.Equal(TimeSpan.FromSeconds(3), await _clock.NextDelayAsync());
        _clock.Advance(TimeSpan.FromSeconds(3));
        await send.WaitAsync(TestClock.SafetyTimeout);

        Assert.Equal(TimeSpan.FromSeconds(3), _fake.Requests[1].At - _fake.Requests[0].At);
    }

    [Fact]
    public async Task Repeated_503s_stop_after_the_configured_tries_and_log_an_error()
    {
        _fake.Fallback = new ScriptedReply(503);
        var logger = new ListLogger<ConnectorClient>();
        var client = ConnectorTestKit.CreateClient(_clock, ConnectorTestKit.Options(maxRetries: 2), logger: logger);

        var send = client.SendToConversationAsync(_fake.ServiceUrl, Conversation, Activity.CreateMessage("private words"));
        await _clock.RunUntilAsync(send.ContinueWith(_ => { }, TaskScheduler.Default));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => send);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal("SendToConversation", error.Operation);
        Assert.Equal(3, _fake.Requests.Count);
        Assert.True(_clock.Elapsed > TimeSpan.Zero); // the back-off waited on the manual clock
        var logged = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("SendToConversation", logged.Message, StringComparison.Ordinal);
        Assert.Contains("503", logged.Message, StringComparison.Ordinal);
        Assert.Equal(2, logger.Entries.Count(e => e.Level == LogLevel.Warning));
        foreach (var text in logger.Entries.Select(e => e.Message).Append(error.Message))
        {
            Assert.DoesNotContain("private words", text, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeConnector.ServerSecret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Client_errors_are_not_retried_and_the_message_carries_no_payload()
    {
        _fake.Enqueue(new ScriptedReply(400));
        var logger = new ListLogger<ConnectorClient>();
        var client = ConnectorTestKit.CreateClient(_clock, logger: logger);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync(_fake.ServiceUrl, Conversation, Activity.CreateMessage("private words")));

        Assert.Equal(400, error.StatusCode);
        Assert.Single(_fake.Requests);
        Assert.DoesNotContain("private words", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeConnector.ServerSecret, error.Message, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_after_beyond_the_configured_maximum_fails_at_once()
    {
        _fake.Enqueue(new ScriptedReply(429, RetryAfter: "3600"));
        var client = ConnectorTestKit.CreateClient(_clock);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.DeleteActivityAsync(_fake.ServiceUrl, Conversation, "1:a"));

        Assert.Equal(429, error.StatusCode);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task Other_transient_statuses_are_retried()
    {
        _fake.Enqueue(new ScriptedReply(412), new ScriptedReply(502), new ScriptedReply(504));
        var client = ConnectorTestKit.CreateClient(_clock);

        var update = client.UpdateActivityAsync(_fake.ServiceUrl, Conversation, "1:a", Activity.CreateMessage("v2"));
        await _clock.RunUntilAsync(update);

        Assert.Equal("activity-3", (await update).Id);
        Assert.Equal(4, _fake.Requests.Count);
    }
}
