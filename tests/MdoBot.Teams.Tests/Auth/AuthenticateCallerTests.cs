using System.Net;
using MdoBot.BotFramework.Auth;
using MdoBot.BotFramework.Configuration;
using MdoBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MdoBot.Teams.Tests.Auth;

/// <summary>The credentials are checked from the header alone (before the body is read); the activity is bound afterwards.</summary>
public sealed class AuthenticateCallerTests : IAsyncLifetime
{
    private static readonly IPAddress Remote = IPAddress.Parse("52.112.0.10");
    private AuthHarness _h = null!;

    public async Task InitializeAsync() => _h = await AuthHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("Basic abc")]
    [InlineData("Bearer not-a-jwt")]
    public async Task Caller_WithoutAValidToken_Is401WithoutAnyActivity(string? header)
    {
        var caller = await _h.Authenticator.AuthenticateCallerAsync(header, Remote, CancellationToken.None);

        Assert.False(caller.Succeeded);
        Assert.Equal(401, caller.Result.StatusCode);
        Assert.Equal(401, caller.CheckActivity(TestTokens.ServiceUrl, "msteams").StatusCode);
    }

    [Fact]
    public async Task Caller_WithAValidToken_IsThenBoundToTheActivitysServiceUrlAndChannel()
    {
        var caller = await _h.Authenticator.AuthenticateCallerAsync("Bearer " + _h.ValidToken(), Remote, CancellationToken.None);

        Assert.True(caller.Succeeded);
        Assert.True(caller.CheckActivity(TestTokens.ServiceUrl, "msteams").Succeeded);
        Assert.Equal(401, caller.CheckActivity("https://elsewhere.example/", "msteams").StatusCode);
        Assert.Equal(403, caller.CheckActivity(TestTokens.ServiceUrl, "webchat").StatusCode);
    }

    [Theory]
    [InlineData("app", "http://login.botframework.com/v1/.well-known/openidconfiguration", "must use https")]
    [InlineData("app", "not a url", "absolute https URL")]
    [InlineData(null, "ftp://example.com/metadata", "absolute https URL")]
    public void OpenIdMetadataUrl_NotHttpsOutsideDevelopmentMode_IsRefused(string? appId, string url, string expected)
    {
        var problem = new BotOptions { AppId = appId, OpenIdMetadataUrl = url }.Validate();

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app", "https://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData(null, "http://127.0.0.1:5000/.well-known/openidconfiguration")]
    public void OpenIdMetadataUrl_HttpsOrDevelopmentMode_IsAccepted(string? appId, string url) =>
        Assert.Null(new BotOptions { AppId = appId, OpenIdMetadataUrl = url }.Validate());

    [Fact]
    public async Task JwksUri_PlainHttpFromHttpsMetadata_IsRefused()
    {
        // The metadata URL is https, so no real local server can answer it: a handler plays the metadata host.
        using var handler = new MetadataOnlyHandler("""{"jwks_uri":"http://login.botframework.com/v1/.well-known/keys"}""");
        using var http = new HttpClient(handler);
        var options = Options.Create(new BotOptions { AppId = "app", OpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration" });
        using var source = new OpenIdKeySource(http, options, TestTime.Create(), NullLogger<OpenIdKeySource>.Instance);

        await Assert.ThrowsAsync<OpenIdMetadataException>(() => source.GetSigningKeyAsync("key-1", CancellationToken.None));
        Assert.Equal(["https://login.botframework.com/v1/.well-known/openidconfiguration"], handler.Requested);
    }

    private sealed class MetadataOnlyHandler(string metadata) : HttpMessageHandler
    {
        public List<string> Requested { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requested.Add(request.RequestUri!.AbsoluteUri);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(metadata) });
        }
    }
}
