using System.Security.Cryptography;

namespace MdoBot.Teams.Tests.Auth;

public sealed class BotFrameworkAuthenticatorTokenTests : IAsyncLifetime
{
    private AuthHarness _h = null!;

    public async Task InitializeAsync() => _h = await AuthHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AuthenticateAsync_ValidToken_Succeeds()
    {
        var result = await _h.AuthenticateBearerAsync(_h.ValidToken());

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(200, result.StatusCode);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea")]
    [InlineData("HTTPS://SMBA.trafficmanager.net/EMEA/")]
    public async Task AuthenticateAsync_ServiceUrlDiffersOnlyInCaseOrTrailingSlash_Succeeds(string serviceUrl)
    {
        var result = await _h.AuthenticateBearerAsync(_h.ValidToken(), serviceUrl);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongIssuer_Returns401()
    {
        var token = TestTokens.Create(_h.TeamsKey, AuthHarness.KeyId, _h.Now, d => d.Issuer = "https://sts.windows.net/evil/");

        await AssertRejected(token, 401, "invalid issuer");
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_Returns401()
    {
        var token = TestTokens.Create(_h.TeamsKey, AuthHarness.KeyId, _h.Now, d => d.Audience = "some-other-bot");

        await AssertRejected(token, 401, "invalid audience");
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredBeyondClockSkew_Returns401()
    {
        var token = _h.ValidToken();
        _h.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        await AssertRejected(token, 401, "token expired");
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredWithinClockSkew_Succeeds()
    {
        var token = _h.ValidToken();
        _h.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(4));

        var result = await _h.AuthenticateBearerAsync(token);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidBeyondClockSkew_Returns401()
    {
        var token = TestTokens.Create(_h.TeamsKey, AuthHarness.KeyId, _h.Now, d =>
        {
            d.NotBefore = _h.Now.UtcDateTime.AddMinutes(6);
            d.IssuedAt = d.NotBefore;
        });

        await AssertRejected(token, 401, "token not yet valid");
    }

    [Fact]
    public async Task AuthenticateAsync_NotBeforeWithinClockSkew_Succeeds()
    {
        var token = TestTokens.Create(_h.TeamsKey, AuthHarness.KeyId, _h.Now, d => d.NotBefore = _h.Now.UtcDateTime.AddMinutes(4));

        var result = await _h.AuthenticateBearerAsync(token);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_NoExpiration_Returns401()
    {
        var token = TestTokens.Create(_h.TeamsKey, AuthHarness.KeyId, _h.Now, d => d.Expires = null);

        await AssertRejected(token, 401, null);
    }

    [Fact]
    public async Task AuthenticateAsync_SignedByOtherKeyWithSameKid_Returns401()
    {
        using var impostor = RSA.Create(2048);
        var token = TestTokens.Create(impostor, AuthHarness.KeyId, _h.Now);

        await AssertRejected(token, 401, "invalid signature");
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlClaimMismatch_Returns401()
    {
        var result = await _h.AuthenticateBearerAsync(_h.ValidToken(), "https://attacker.example.com/");

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("serviceUrl claim missing or mismatched", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlClaimMissing_Returns401()
    {
        var token = TestTokens.Create(_h.TeamsKey, AuthHarness.KeyId, _h.Now, d => d.Claims = new Dictionary<string, object>());

        await AssertRejected(token, 401, "serviceUrl claim missing or mismatched");
    }

    private async Task AssertRejected(string token, int status, string? reason)
    {
        var result = await _h.AuthenticateBearerAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal(status, result.StatusCode);
        if (reason is not null)
        {
            Assert.Equal(reason, result.Reason);
        }

        Assert.DoesNotContain(_h.Logs, line => line.Contains(token, StringComparison.Ordinal));
    }
}
