using MdoBot.BotFramework.Auth;

namespace MdoBot.Teams.Tests.Auth;

public sealed class OpenIdKeySourceTests : IAsyncLifetime
{
    private AuthHarness _h = null!;

    public async Task InitializeAsync() => _h = await AuthHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AuthenticateAsync_RepeatedRequests_FetchesKeysOnce()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await _h.AuthenticateBearerAsync(_h.ValidToken())).Succeeded);
        }

        Assert.Equal(1, _h.Server.MetadataRequests);
        Assert.Equal(1, _h.Server.JwksRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKeyId_Returns401()
    {
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        var token = TestTokens.Create(stranger, "never-published", _h.Now);

        var result = await _h.AuthenticateBearerAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("unknown signing key", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyPublishedAfterFirstFetch_AcceptedAfterRefresh()
    {
        Assert.True((await _h.AuthenticateBearerAsync(_h.ValidToken())).Succeeded);
        var rotated = _h.Server.AddKey("key-2", "msteams");

        var result = await _h.AuthenticateBearerAsync(TestTokens.Create(rotated, "key-2", _h.Now));

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(2, _h.Server.JwksRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKeyIdsRepeated_RefreshesAtMostOncePerFiveMinutes()
    {
        Assert.True((await _h.AuthenticateBearerAsync(_h.ValidToken())).Succeeded);
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        for (var i = 0; i < 5; i++)
        {
            await _h.AuthenticateBearerAsync(TestTokens.Create(stranger, $"junk-{i}", _h.Now));
        }

        Assert.Equal(2, _h.Server.JwksRequests);

        _h.Time.Advance(OpenIdKeySource.UnknownKeyRefreshInterval);
        await _h.AuthenticateBearerAsync(TestTokens.Create(stranger, "junk-late", _h.Now));
        Assert.Equal(3, _h.Server.JwksRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_After24Hours_RefreshesKeys()
    {
        Assert.True((await _h.AuthenticateBearerAsync(_h.ValidToken())).Succeeded);
        _h.Time.Advance(TimeSpan.FromHours(23));
        Assert.True((await _h.AuthenticateBearerAsync(_h.ValidToken())).Succeeded);
        Assert.Equal(1, _h.Server.JwksRequests);

        _h.Time.Advance(TimeSpan.FromHours(1));
        Assert.True((await _h.AuthenticateBearerAsync(_h.ValidToken())).Succeeded);
        Assert.Equal(2, _h.Server.JwksRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataServerFailing_Returns401AndLogsWarning()
    {
        _h.Server.Failing = true;

        var result = await _h.AuthenticateBearerAsync(_h.ValidToken());

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("signing keys unavailable", result.Reason);
        Assert.Contains(_h.Logs, line => line.StartsWith("Warning: Fetching Bot Framework OpenID metadata", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataServerUnreachable_Returns401()
    {
        var token = _h.ValidToken();
        await _h.Server.DisposeAsync();

        var result = await _h.AuthenticateBearerAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("signing keys unavailable", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataServerRecovers_SucceedsAfterBackoff()
    {
        _h.Server.Failing = true;
        Assert.Equal(401, (await _h.AuthenticateBearerAsync(_h.ValidToken())).StatusCode);
        _h.Server.Failing = false;
        Assert.Equal(401, (await _h.AuthenticateBearerAsync(_h.ValidToken())).StatusCode);

        _h.Time.Advance(OpenIdKeySource.FailureBackoff);

        Assert.True((await _h.AuthenticateBearerAsync(_h.ValidToken())).Succeeded);
    }

    [Fact]
    public async Task AuthenticateAsync_ScheduledRefreshFails_KeepsPreviousKeys()
    {
        Assert.True((await _h.AuthenticateBearerAsync(_h.ValidToken())).Succeeded);
        _h.Server.Failing = true;
        _h.Time.Advance(TimeSpan.FromHours(25));

        var result = await _h.AuthenticateBearerAsync(_h.ValidToken());

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(2, _h.Server.MetadataRequests);
    }

    [Theory]
    [InlineData("""{"issuer":"x"}""")]
    [InlineData("""{"jwks_uri":42}""")]
    [InlineData("[]")]
    public async Task GetSigningKeyAsync_MetadataMissingOrInvalid_Throws(string json)
    {
        _h.Server.MetadataBody = json;

        await Assert.ThrowsAsync<OpenIdMetadataException>(() => _h.KeySource.GetSigningKeyAsync(AuthHarness.KeyId, CancellationToken.None));
    }

    [Fact]
    public async Task GetSigningKeyAsync_KeysArrayNotAnArray_Throws()
    {
        _h.Server.KeysBody = """{"keys":{}}""";

        await Assert.ThrowsAsync<OpenIdMetadataException>(() => _h.KeySource.GetSigningKeyAsync(AuthHarness.KeyId, CancellationToken.None));
    }
}
