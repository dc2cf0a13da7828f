using System.Net;

namespace MdoBot.Teams.Tests.Auth;

public sealed class DevelopmentModeAuthTests : IAsyncLifetime
{
    private AuthHarness _h = null!;

    public async Task InitializeAsync() => _h = await AuthHarness.StartAsync(appId: null);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public void IsDevelopmentMode_NoAppId_IsTrue() => Assert.True(_h.Authenticator.IsDevelopmentMode);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task AuthenticateAsync_LoopbackWithoutHeader_Succeeds(string remote)
    {
        var result = await _h.AuthenticateAsync(null, remote: IPAddress.Parse(remote));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(0, _h.Server.MetadataRequests);
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.1.20")]
    [InlineData("52.112.0.10")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("2001:db8::1")]
    [InlineData("0.0.0.0")]
    public async Task AuthenticateAsync_NonLoopbackWithoutHeader_Returns401(string remote)
    {
        var result = await _h.AuthenticateAsync(null, remote: IPAddress.Parse(remote));

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("development mode accepts loopback requests only", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownRemoteAddress_Returns401()
    {
        var request = new MdoBot.BotFramework.Auth.InboundRequestInfo(null, null, TestTokens.ServiceUrl, "msteams");

        var result = await _h.Authenticator.AuthenticateAsync(request, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_HeaderInDevelopmentMode_Returns401()
    {
        var result = await _h.AuthenticateAsync("Bearer " + _h.ValidToken(), remote: IPAddress.Loopback);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("development mode cannot validate tokens", result.Reason);
    }
}
