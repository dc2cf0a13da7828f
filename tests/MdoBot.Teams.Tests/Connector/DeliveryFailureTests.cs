using System.Text.Json;
using MdoBot.BotFramework.Connector;
using MdoBot.BotFramework.Hosting;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;
using MdoBot.BotFramework.Storage;
using MdoBot.Teams.MdoFlow.Lifecycle;
using MdoBot.Testing;

namespace MdoBot.Teams.Tests.Connector;

/// <summary>How the outbox reads a failure, its back-off, its options, and the chair's notice text.</summary>
public sealed class DeliveryFailureTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private FakeConnector _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeConnector.StartAsync(_clock);

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task A_429_without_retries_carries_its_Retry_After_to_the_outbox()
    {
        _fake.Enqueue(new ScriptedReply(429, RetryAfter: "10"));
        var client = ConnectorTestKit.CreateClient(_clock, ConnectorTestKit.Options(maxRetries: 0));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(_fake.ServiceUrl, "a:1", Activity.CreateMessage("x")));

        Assert.Equal(new DeliveryFailure(false, 429, DeadLetterReasons.Expired, TimeSpan.FromSeconds(10)), DeliveryFailure.Of(error));
    }

    [Theory]
    [InlineData(400, true, DeadLetterReasons.BadRequest)]
    [InlineData(403, true, DeadLetterReasons.Forbidden)]
    [InlineData(404, true, DeadLetterReasons.NotFound)]
    [InlineData(410, true, DeadLetterReasons.NotFound)]
    [InlineData(413, true, DeadLetterReasons.Refused)]
    [InlineData(401, false, DeadLetterReasons.Expired)]
    [InlineData(408, false, DeadLetterReasons.Expired)]
    [InlineData(412, false, DeadLetterReasons.Expired)]
    [InlineData(429, false, DeadLetterReasons.Expired)]
    [InlineData(500, false, DeadLetterReasons.Expired)]
    [InlineData(503, false, DeadLetterReasons.Expired)]
    [InlineData(0, false, DeadLetterReasons.Expired)]
    public void Statuses_are_permanent_or_temporary(int status, bool permanent, string reason)
    {
        var failure = DeliveryFailure.Of(new ConnectorException(status, "SendToConversation", "x"));
        Assert.Equal((permanent, status, reason), (failure.Permanent, failure.Status, failure.Reason));
    }

    [Fact]
    public void A_malformed_message_is_permanent_and_anything_else_temporary()
    {
        Assert.Equal(new DeliveryFailure(true, 0, DeadLetterReasons.Malformed, null), DeliveryFailure.Of(new JsonException()));
        Assert.False(DeliveryFailure.Of(new HttpRequestException("token endpoint down")).Permanent);
        Assert.False(DeliveryFailure.Of(new TaskCanceledException("time-out")).Permanent);
    }

    [Fact]
    public void Back_off_doubles_with_jitter_is_capped_and_Retry_After_wins()
    {
        var options = new OutboxDeliveryOptions { BaseBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(30) };
        var low = new DeliveryBackoff(() => 0);
        var high = new DeliveryBackoff(() => 1);

        Assert.Equal(TimeSpan.FromSeconds(0.5), low.Delay(0, null, options));
        Assert.Equal(TimeSpan.FromSeconds(1), high.Delay(0, null, options));
        Assert.Equal(TimeSpan.FromSeconds(8), high.Delay(3, null, options));
        Assert.Equal(TimeSpan.FromSeconds(30), high.Delay(12, null, options));
        Assert.Equal(TimeSpan.FromSeconds(15), low.Delay(400, null, options));
        Assert.Equal(TimeSpan.FromSeconds(10), low.Delay(5, TimeSpan.FromSeconds(10), options));
        Assert.Equal(options.MaxAge, low.Delay(5, TimeSpan.FromDays(9), options));
    }

    [Fact]
    public void Options_default_to_a_24_hour_window_and_refuse_bad_values()
    {
        var defaults = new OutboxDeliveryOptions();
        Assert.Null(defaults.Validate());
        Assert.Equal(TimeSpan.FromHours(24), defaults.MaxAge);
        Assert.NotNull(new OutboxDeliveryOptions { MaxAge = TimeSpan.FromSeconds(5) }.Validate());
        Assert.NotNull(new OutboxDeliveryOptions { MaxConcurrentConversations = 0 }.Validate());
        Assert.NotNull(new OutboxDeliveryOptions { BaseBackoff = TimeSpan.FromMinutes(2), MaxBackoff = TimeSpan.FromMinutes(1) }.Validate());
    }

    [Fact]
    public void The_chairs_notice_names_count_and_reasons_never_content()
    {
        DeadLetter Letter(string reason) => new(1, "19:c", "http://x/", OutboxOperation.Send, "case:1", null, null, 404, reason, DateTimeOffset.UnixEpoch);

        Assert.Equal("2 berichten van MdoBot konden niet worden bezorgd in de chat van het MDO: " +
            "MdoBot is uit de chat verwijderd of geblokkeerd; voeg MdoBot opnieuw toe; de chat of het bericht bestaat niet meer.",
            UndeliveredNotices.Text(Language.Dutch, [Letter(DeadLetterReasons.NotFound), Letter(DeadLetterReasons.Forbidden)]));
        Assert.Equal("1 message from MdoBot could not be delivered to the MDO's chat: Teams stayed unreachable for too long.",
            UndeliveredNotices.Text(Language.English, [Letter(DeadLetterReasons.Expired)]));
    }
}
