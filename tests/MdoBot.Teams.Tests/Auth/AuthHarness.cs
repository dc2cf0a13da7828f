using System.Net;
using System.Security.Cryptography;
using MdoBot.BotFramework.Auth;
using MdoBot.BotFramework.Configuration;
using MdoBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MdoBot.Teams.Tests.Auth;

/// <summary>Wires a real <see cref="OpenIdKeySource"/> and authenticator to an <see cref="OpenIdTestServer"/>.</summary>
internal sealed class AuthHarness : IAsyncDisposable
{
    public const string KeyId = "key-1";

    private readonly HttpClient _http = new();

    private AuthHarness(OpenIdTestServer server, string? appId)
    {
        Server = server;
        TeamsKey = server.AddKey(KeyId, "msteams", "skype");
        var options = Options.Create(new BotOptions { AppId = appId, OpenIdMetadataUrl = server.MetadataUrl });
        KeySource = new OpenIdKeySource(_http, options, Time, new ListLogger<OpenIdKeySource>(Logs));
        Authenticator = new BotFrameworkAuthenticator(options, KeySource, Time, new ListLogger<BotFrameworkAuthenticator>(Logs));
    }

    public OpenIdTestServer Server { get; }

    public FakeTimeProvider Time { get; } = TestTime.Create();

    public RSA TeamsKey { get; }

    public OpenIdKeySource KeySource { get; }

    public BotFrameworkAuthenticator Authenticator { get; }

    public List<string> Logs { get; } = [];

    public DateTimeOffset Now => Time.GetUtcNow();

    public static async Task<AuthHarness> StartAsync(string? appId = TestTokens.AppId) =>
        new(await OpenIdTestServer.StartAsync(), appId);

    public string ValidToken() => TestTokens.Create(TeamsKey, KeyId, Now);

    public Task<AuthResult> AuthenticateBearerAsync(string token, string? serviceUrl = TestTokens.ServiceUrl, string? channelId = "msteams") =>
        AuthenticateAsync("Bearer " + token, serviceUrl, channelId);

    public Task<AuthResult> AuthenticateAsync(string? header, string? serviceUrl = TestTokens.ServiceUrl, string? channelId = "msteams", IPAddress? remote = null) =>
        Authenticator.AuthenticateAsync(new InboundRequestInfo(header, remote ?? IPAddress.Parse("52.112.0.10"), serviceUrl, channelId), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        KeySource.Dispose();
        _http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Collects formatted log lines (and exception messages) so tests can inspect them.</summary>
internal sealed class ListLogger<T>(List<string> sink) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (sink)
        {
            sink.Add($"{logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
