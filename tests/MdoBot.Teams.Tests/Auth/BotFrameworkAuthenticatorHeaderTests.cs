using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace MdoBot.Teams.Tests.Auth;

public sealed class BotFrameworkAuthenticatorHeaderTests : IAsyncLifetime
{
    private AuthHarness _h = null!;

    public async Task InitializeAsync() => _h = await AuthHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer   ")]
    public async Task AuthenticateAsync_MissingHeaderOrToken_Returns401(string? header)
    {
        var result = await _h.AuthenticateAsync(header);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("missing or non-bearer authorization header", result.Reason);
        Assert.Equal(0, _h.Server.MetadataRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_NonBearerScheme_Returns401()
    {
        var result = await _h.AuthenticateAsync("Basic " + _h.ValidToken());

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("missing or non-bearer authorization header", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_LowerCaseBearerScheme_Succeeds()
    {
        var result = await _h.AuthenticateAsync("bearer " + _h.ValidToken());

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_MalformedToken_Returns401()
    {
        var result = await _h.AuthenticateBearerAsync("not-a-jwt");

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("malformed token", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_AlgNoneToken_Returns401WithoutFetchingKeys()
    {
        var result = await _h.AuthenticateBearerAsync(TestTokens.CreateUnsigned(AuthHarness.KeyId, _h.Now));

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("unsupported token algorithm", result.Reason);
        Assert.Equal(0, _h.Server.MetadataRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_Hs256Token_Returns401()
    {
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)) { KeyId = AuthHarness.KeyId };
        var token = TestTokens.Create(new SigningCredentials(secret, SecurityAlgorithms.HmacSha256), _h.Now);

        var result = await _h.AuthenticateBearerAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("unsupported token algorithm", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_Rs512Token_Returns401()
    {
        var key = new RsaSecurityKey(_h.TeamsKey) { KeyId = AuthHarness.KeyId };
        var token = TestTokens.Create(new SigningCredentials(key, SecurityAlgorithms.RsaSha512), _h.Now);

        var result = await _h.AuthenticateBearerAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyNotEndorsedForChannel_Returns403()
    {
        var webchatOnly = _h.Server.AddKey("key-webchat", "webchat");
        var token = TestTokens.Create(webchatOnly, "key-webchat", _h.Now);

        var result = await _h.AuthenticateBearerAsync(token);

        Assert.Equal(403, result.StatusCode);
        Assert.Equal("signing key not endorsed for channel", result.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MSTEAMS")]
    public async Task AuthenticateAsync_ChannelIdMissingOrDifferent_Returns403(string? channelId)
    {
        var result = await _h.AuthenticateBearerAsync(_h.ValidToken(), channelId: channelId);

        Assert.Equal(403, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_TokenWithoutKeyId_Returns401()
    {
        var key = new RsaSecurityKey(_h.TeamsKey);
        var token = TestTokens.Create(new SigningCredentials(key, SecurityAlgorithms.RsaSha256), _h.Now);

        var result = await _h.AuthenticateBearerAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("token has no key id", result.Reason);
    }
}
