using MdoBot.Testing;
using MdoBot.BotFramework.Configuration;
using MdoBot.BotFramework.Connector;
using MdoBot.BotFramework.Protocol;
using Microsoft.Extensions.Options;

namespace MdoBot.Teams.Tests.Connector;

public sealed class ConnectorClientAuthTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private FakeConnector _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeConnector.StartAsync(_clock);

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Bearer_token_is_sent_when_the_provider_has_one()
    {
        var client = ConnectorTestKit.CreateClient(_clock, tokens: new StaticTokenProvider("tok-123"));

        await client.SendToConversationAsync(_fake.ServiceUrl, "a:1", Activity.CreateMessage("x"));

        Assert.Equal("Bearer tok-123", _fake.Requests[0].Authorization);
    }

    [Fact]
    public async Task No_authorization_header_in_development_mode()
    {
        var devTokens = new AzureIdentityTokenProvider(Options.Create(new BotOptions()), _clock);
        var client = ConnectorTestKit.CreateClient(_clock, tokens: devTokens);

        await client.SendToConversationAsync(_fake.ServiceUrl, "a:1", Activity.CreateMessage("x"));

        Assert.Null(_fake.Requests[0].Authorization);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/")]
    [InlineData("https://example.com/?q=1")]
    public async Task Invalid_service_urls_are_rejected(string serviceUrl)
    {
        var client = ConnectorTestKit.CreateClient(_clock);

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendToConversationAsync(serviceUrl, "a:1", Activity.CreateMessage("x")));
    }

    [Fact]
    public async Task The_token_is_asked_for_on_every_attempt()
    {
        _fake.Enqueue(new ScriptedReply(503));
        var tokens = new CountingTokenProvider();
        var client = ConnectorTestKit.CreateClient(_clock, tokens: tokens);

        var send = client.SendToConversationAsync(_fake.ServiceUrl, "a:1", Activity.CreateMessage("x"));
        await _clock.RunUntilAsync(send);

        Assert.Equal(["Bearer t1", "Bearer t2"], _fake.Requests.Select(r => r.Authorization));
    }

    private sealed class CountingTokenProvider : IConnectorTokenProvider
    {
        private int _count;

        public ValueTask<string?> GetTokenAsync(CancellationToken ct) =>
            ValueTask.FromResult<string?>($"t{Interlocked.Increment(ref _count)}");
    }
}
