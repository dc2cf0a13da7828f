using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MdoBot.Testing;

/// <summary>
/// A stand-in for the Entra ID token endpoint (<c>POST /{tenant}/oauth2/v2.0/token</c>, client credentials) and its
/// instance discovery, on 127.0.0.1. Azure.Identity reaches it through <see cref="CreateHandler"/>, which sends
/// every request (to <c>https://login.microsoftonline.com/…</c>) to this server instead.
/// </summary>
public sealed class FakeEntraToken : IAsyncDisposable
{
    public const string AccessToken = "fake-connector-token";

    private readonly LocalHttpServer _server;
    private int _issued;

    private FakeEntraToken(LocalHttpServer server) => _server = server;

    /// <summary>Fault of the token endpoint.</summary>
    public StandInFault Fault { get; } = new();

    /// <summary>Tokens handed out.</summary>
    public int Issued => Volatile.Read(ref _issued);

    public static async Task<FakeEntraToken> StartAsync()
    {
        FakeEntraToken? self = null;
        var server = await LocalHttpServer.StartAsync(app =>
        {
            app.MapGet("/common/discovery/instance", (HttpContext context) => Results.Json(new Dictionary<string, object>
            {
                ["tenant_discovery_endpoint"] = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
                ["api-version"] = "1.1",
                ["metadata"] = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["preferred_network"] = "login.microsoftonline.com",
                        ["preferred_cache"] = "login.windows.net",
                        ["aliases"] = new[] { "login.microsoftonline.com", "login.windows.net" },
                    },
                },
            }));
            app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context) => await self!.Fault.ApplyAsync(context) ?? self.Issue());
        });
        self = new FakeEntraToken(server);
        return self;
    }

    /// <summary>A handler for an HttpClient that sends every request to this server, keeping path and query.</summary>
    public HttpMessageHandler CreateHandler() => new Redirect(new Uri(_server.BaseUrl));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private IResult Issue()
    {
        Interlocked.Increment(ref _issued);
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3599,
            ["ext_expires_in"] = 3599,
            ["access_token"] = AccessToken,
        });
    }

    private sealed class Redirect(Uri target) : DelegatingHandler(new SocketsHttpHandler { UseProxy = false })
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
