using Azure.Core;
using Azure.Core.Pipeline;
using MdoBot.BotFramework.Outbound;
using MdoBot.Graph;
using MdoBot.BotFramework.Configuration;
using MdoBot.BotFramework.Connector;
using MdoBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MdoBot.Web.Tests.Security;

/// <summary>Wiring MdoBot to stand-ins for Entra ID (connector tokens) and Graph sendMail, with short turn budgets.</summary>
public static class DependencyStandIns
{
    /// <summary>A short budget for the dependency under test, so that a hang is cut off quickly (the others keep their defaults).</summary>
    public static Dictionary<string, string?> ShortBudget(string dependency) => new() { ["TurnBudget:" + dependency] = "00:00:01" };

    /// <summary>
    /// The production token provider with a non-development configuration (app id, home tenant, client secret): its
    /// Azure.Identity credential asks the <paramref name="entra"/> stand-in for every token.
    /// </summary>
    public static void UseEntra(IServiceCollection services, FakeEntraToken entra)
    {
        var options = Options.Create(new BotOptions
        {
            AppId = "11111111-2222-3333-4444-555555555555",
            TenantId = "72f988bf-0000-0000-0000-000000000001",
            CredentialKind = CredentialKind.ClientSecret,
            ClientSecret = "not-a-real-secret",
        });
        services.RemoveAll<IConnectorTokenProvider>();
        services.AddSingleton<IConnectorTokenProvider>(
            new AzureIdentityTokenProvider(options, TimeProvider.System, new HttpClientTransport(new HttpClient(entra.CreateHandler()))));
    }

    /// <summary>Graph mail on, sending through the <paramref name="graph"/> stand-in; <see cref="UseGraph"/> supplies its token (not under test).</summary>
    public static Dictionary<string, string?> WithGraph(Dictionary<string, string?> settings, FakeGraphMail graph)
    {
        settings["Graph:SenderMailbox"] = "mdo@example.nl";
        settings["Graph:BaseUrl"] = graph.BaseUrl;
        return settings;
    }

    public static void UseGraph(IServiceCollection services) => services.PostConfigure<GraphOptions>(o => o.Credential = new FixedCredential());

    private sealed class FixedCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("fake-graph-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}

/// <summary>A stand-in for Graph's <c>POST /v1.0/users/{sender}/sendMail</c> (202 Accepted), with a switchable fault.</summary>
public sealed class FakeGraphMail : IAsyncDisposable
{
    private readonly LocalHttpServer _server;
    private int _accepted;

    private FakeGraphMail(LocalHttpServer server) => _server = server;

    public string BaseUrl => _server.BaseUrl + "v1.0";

    public StandInFault Fault { get; } = new();

    public int Accepted => Volatile.Read(ref _accepted);

    public static async Task<FakeGraphMail> StartAsync()
    {
        FakeGraphMail? self = null;
        var server = await LocalHttpServer.StartAsync(app => app.MapPost("/v1.0/users/{sender}/sendMail", async (HttpContext context) =>
        {
            await context.Request.ReadBodyAsync();
            if (await self!.Fault.ApplyAsync(context) is { } fault)
            {
                return fault;
            }

            Interlocked.Increment(ref self._accepted);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }));
        self = new FakeGraphMail(server);
        return self;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
