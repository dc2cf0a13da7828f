using MdoBot.Testing;
using MdoBot.BotFramework.Connector;
using MdoBot.BotFramework.Protocol;
using Microsoft.Extensions.Logging;

namespace MdoBot.Teams.Tests.Connector;

public sealed class ConnectorClientFailureTests : IAsyncLifetime
{
    private const string Conversation = "a:1conv";
    private readonly TestClock _clock = new();
    private FakeConnector _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeConnector.StartAsync(_clock);

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        _fake.Enqueue(new ScriptedReply(201, Hang: true));
        var options = ConnectorTestKit.Options(maxRetries: 1);
        options.Timeout = TimeSpan.FromSeconds(10);
        var client = ConnectorTestKit.CreateClient(_clock, options);

        var send = client.SendToConversationAsync(_fake.ServiceUrl, Conversation, Activity.CreateMessage("x"));
        Assert.Equal(TimeSpan.FromSeconds(10), await _clock.NextDelayAsync()); // the first attempt's time-out
        await _fake.WaitForRequestsAsync(1);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await _clock.AdvanceToNextDelayAsync(); // back-off before the second attempt

        Assert.Equal("activity-1", (await send.WaitAsync(TestClock.SafetyTimeout)).Id);
        Assert.Equal(2, _fake.Requests.Count);
    }

    [Fact]
    public async Task Transport_failures_are_retried_then_reported_without_a_status()
    {
        const string deadUrl = "http://127.0.0.1:1/"; // nothing listens on port 1: connection refused
        var logger = new ListLogger<ConnectorClient>();
        var client = ConnectorTestKit.CreateClient(_clock, ConnectorTestKit.Options(maxRetries: 1), logger: logger);

        var send = client.SendToConversationAsync(deadUrl, Conversation, Activity.CreateMessage("x"));
        await _clock.RunUntilAsync(send.ContinueWith(_ => { }, TaskScheduler.Default));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => send);
        Assert.Equal(0, error.StatusCode);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Exception is HttpRequestException);
    }
}
