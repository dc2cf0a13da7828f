using System.Net;
using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using GraphAuthenticationProvider = Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider;

namespace MdoBot.Graph.Http;

/// <summary>Builds the <see cref="GraphServiceClient"/>: the SDK's default pipeline with our retry handler in place of Kiota's.</summary>
internal static class GraphClientBuilder
{
    public static GraphServiceClient Create(
        GraphOptions options,
        TokenCredential credential,
        TimeProvider time,
        ILogger logger,
        HttpMessageHandler? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        if (options.Validate() is { } problem)
        {
            throw new InvalidOperationException("Graph configuration error: " + problem);
        }

        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var kiotaRetry = handlers.OfType<RetryHandler>().Single();
        handlers[handlers.IndexOf(kiotaRetry)] = GraphResilience.CreateHandler(options, time, logger);
        kiotaRetry.Dispose();

        primaryHandler ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // the SDK's RedirectHandler follows redirects itself
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var http = GraphClientFactory.Create(handlers, finalHandler: primaryHandler);
        http.Timeout = Timeout.InfiniteTimeSpan; // per-attempt time-outs come from GraphOptions.AttemptTimeout

        var baseUrl = options.BaseUrl.TrimEnd('/');
        var host = new Uri(baseUrl).Host;
        var auth = new GraphAuthenticationProvider(credential, [host], null, true, options.Scope);
        return new GraphServiceClient(http, auth, baseUrl);
    }
}
