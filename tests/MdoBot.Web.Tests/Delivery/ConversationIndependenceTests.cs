using MdoBot.BotFramework.Connector;
using MdoBot.BotFramework.Outbound;
using MdoBot.Testing;
using MdoBot.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Delivery;

/// <summary>
/// Each conversation is delivered on its own: a chat whose sends hang, or that is throttled with Retry-After 10 s,
/// holds only itself; another chat's new messages go out meanwhile. And a throttled chat's stored not-before time
/// holds against wake-ups: new incoming activities make the outbox look again, not send early. A chat over Teams'
/// rate limits waits for its slots without holding a delivery slot.
/// </summary>
public sealed class ConversationIndependenceTests : IAsyncLifetime
{
    private const string A = "19:meeting_slow@thread.v2";
    private const string B = "19:meeting_other@thread.v2";
    private readonly TestClock _connectorClock = new();
    private BotApp _app = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _app.Connector.Release(A);
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task SlowChat_SendHangs_AnotherChatsMessageGoesOutMeanwhile()
    {
        _app = await BotApp.StartAsync();
        var a = await _app.InstalledChatAsync(A, "MCMxOTptZWV0aW5nX3Nsb3c");
        var b = await _app.InstalledChatAsync(B, "MCMxOTptZWV0aW5nX290aGVy");
        var (beforeA, beforeB) = (_app.Sends(A), _app.Sends(B));

        _app.Connector.Hold(A);
        await a.SayAsync(Chair, "hulp");
        await _app.Connector.WaitForHeldAsync();
        await b.SayAsync(Chair, "hulp");

        await DeliveryKit.WaitUntilAsync(() => _app.Sends(B) == beforeB + 1, "B's answer while A hangs", TimeSpan.FromSeconds(10));
        Assert.Equal(beforeA, _app.Sends(A)); // still hanging
        _app.Connector.Release(A);
        await _app.DrainAsync();
        Assert.Equal(beforeA + 1, _app.Sends(A));
    }

    [Fact]
    public async Task ThrottledChat_RetryAfter10s_InsideTheConnectorsRetry_AnotherChatIsNotDelayed()
    {
        _app = await BotApp.StartAsync(services: s => s.AddSingleton(new OutboundClock(_connectorClock)));
        var a = await _app.InstalledChatAsync(A, "MCMxOTptZWV0aW5nX3Nsb3c");
        var b = await _app.InstalledChatAsync(B, "MCMxOTptZWV0aW5nX290aGVy");
        var (beforeA, beforeB) = (_app.Sends(A), _app.Sends(B));

        _app.Connector.RetryAfterSeconds = 10;
        _app.Connector.FailNext.Enqueue(429);
        await a.SayAsync(Chair, "hulp");
        await DeliveryKit.WaitUntilAsync(() => !_app.Connector.FailedAnswers.IsEmpty, "the 429");
        await b.SayAsync(Chair, "hulp");

        // The connector clock has not moved: A's retry is still waiting its 10 s, B went out anyway.
        await DeliveryKit.WaitUntilAsync(() => _app.Sends(B) == beforeB + 1, "B's answer while A waits", TimeSpan.FromSeconds(10));
        Assert.Equal(beforeA, _app.Sends(A));
        while (await _connectorClock.NextDelayAsync() is var delay && delay != TimeSpan.FromSeconds(10))
        {
            // other delays (attempt time-outs, B's calls): A's Retry-After wait is the 10 s one
        }

        _connectorClock.Advance(TimeSpan.FromSeconds(10));
        await _app.DrainAsync();
        Assert.Equal(beforeA + 1, _app.Sends(A));
    }

    [Fact]
    public async Task ChatOverTeamsRateLimit_LeavesItsDeliverySlot_AnotherChatGoesOutMeanwhile()
    {
        // One delivery slot. A's burst reaches Teams' 60-per-30-seconds limit while the connector clock moves a second
        // at a time; A then waits for its window without holding the slot, so B's message goes out at once.
        _app = await BotApp.StartAsync(
            DeliveryKit.NoConnectorRetries(("Outbox:MaxConcurrentConversations", "1")),
            s => s.AddSingleton(new OutboundClock(_connectorClock)));
        var limiter = _app.Services.GetRequiredService<ConversationRateLimiter>();
        var a = await _app.InstalledChatAsync(A, "MCMxOTptZWV0aW5nX3Nsb3c");
        var b = await _app.InstalledChatAsync(B, "MCMxOTptZWV0aW5nX290aGVy");
        var (beforeA, beforeB) = (_app.Sends(A), _app.Sends(B));

        const int burst = 70;
        for (var i = 0; i < burst; i++)
        {
            await a.SayAsync(Chair, "hulp");
        }

        while (limiter.TimeUntilSlot(A) < TimeSpan.FromSeconds(3))
        {
            var sent = _app.Sends(A);
            Assert.True(sent < beforeA + burst, "A's whole burst went out inside 30 s of the connector clock");
            _connectorClock.Advance(TimeSpan.FromSeconds(1));
            await DeliveryKit.WaitUntilAsync(() => _app.Sends(A) > sent || limiter.TimeUntilSlot(A) >= TimeSpan.FromSeconds(3),
                "A's next sends after the clock moved", TimeSpan.FromSeconds(10));
        }

        var throttledAt = _app.Sends(A);
        await b.SayAsync(Chair, "hulp");
        await DeliveryKit.WaitUntilAsync(() => _app.Sends(B) == beforeB + 1, "B's answer while A is over its rate limit", TimeSpan.FromSeconds(10));
        Assert.Equal(throttledAt, _app.Sends(A));

        // As the connector clock moves on, A's window frees up and its run starts again (in order, nothing lost).
        for (var step = 0; _app.Sends(A) is var sent && sent < beforeA + burst; step++)
        {
            Assert.True(step < 60, "A's burst did not finish within 5 minutes of the connector clock");
            _connectorClock.Advance(TimeSpan.FromSeconds(5));
            await DeliveryKit.WaitUntilAsync(() => _app.Sends(A) > sent || limiter.TimeUntilSlot(A) > TimeSpan.Zero,
                "A's next sends after the clock moved", TimeSpan.FromSeconds(10));
        }

        await _app.DrainAsync();
        Assert.Equal(beforeA + burst, _app.Sends(A));
        Assert.Equal(beforeB + 1, _app.Sends(B));
    }

    [Fact]
    public async Task ThrottledChat_NewIncomingActivities_DoNotResendBeforeNotBefore()
    {
        _app = await BotApp.StartAsync(DeliveryKit.NoConnectorRetries());
        var a = await _app.InstalledChatAsync(A, "MCMxOTptZWV0aW5nX3Nsb3c");
        var b = await _app.InstalledChatAsync(B, "MCMxOTptZWV0aW5nX290aGVy");
        var (beforeA, beforeB) = (_app.Sends(A), _app.Sends(B));

        _app.Connector.RetryAfterSeconds = 10;
        _app.Connector.FailNext.Enqueue(429);
        var throttledAt = _app.Time.GetUtcNow();
        await a.SayAsync(Chair, "hulp");
        await DeliveryKit.WaitUntilAsync(() => _app.NotBefore(A) is not null, "A's stored not-before");
        Assert.Equal(throttledAt.AddSeconds(10), _app.NotBefore(A));

        // Wake-ups: a new message in the throttled chat, then one in another chat (delivered: the outbox looked again).
        await a.SayAsync(Chair, "hulp");
        await b.SayAsync(Chair, "hulp");
        await DeliveryKit.WaitUntilAsync(() => _app.Sends(B) == beforeB + 1, "B's answer");
        Assert.Equal(beforeA, _app.Sends(A));
        Assert.Single(_app.Connector.FailedAnswers);

        _app.Time.Advance(TimeSpan.FromSeconds(9));
        await b.SayAsync(Chair, "hulp");
        await DeliveryKit.WaitUntilAsync(() => _app.Sends(B) == beforeB + 2, "B's second answer");
        Assert.Equal(beforeA, _app.Sends(A));

        _app.Time.Advance(TimeSpan.FromSeconds(1));
        await _app.DrainAsync();
        Assert.Equal(beforeA + 2, _app.Sends(A));
        Assert.Null(_app.NotBefore(A)); // delivered: the back-off is cleared
    }
}
