using MdoBot.BotFramework.Configuration;
using MdoBot.BotFramework.Outbound;
using MdoBot.BotFramework.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MdoBot.BotFramework.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Bot Connector client (typed HttpClient), its token provider and the
    /// per-conversation rate limiter. Bind <see cref="ConnectorOptions"/> and <see cref="BotOptions"/>
    /// yourself. Retry and rate-limit waits use <see cref="OutboundClock"/> (real time unless replaced).
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BotOptions>();
        services.AddOptions<ConnectorOptions>()
            .Validate(o => o.Validate() is null, "Connector options are invalid (MaxRetries 0-50, 0 <= BaseDelay <= MaxDelay, Timeout 10 ms-1 day or 0).");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new OutboundClock(TimeProvider.System));
        services.TryAddSingleton(sp => new ConversationRateLimiter(sp.GetRequiredService<OutboundClock>().Time));
        services.TryAddSingleton<IConnectorTokenProvider, AzureIdentityTokenProvider>();

        // Per-attempt time-outs come from ConnectorOptions.Timeout (Polly), not HttpClient.Timeout. The factory's
        // default request logging (URIs with conversation ids, twice per call) is off: ConnectorClient logs what matters.
        services.AddHttpClient<IConnectorClient, ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddTypedClient<IConnectorClient>((http, sp) => new ConnectorClient(
                http,
                sp.GetRequiredService<IConnectorTokenProvider>(),
                sp.GetRequiredService<ConversationRateLimiter>(),
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ConnectorOptions>>(),
                sp.GetRequiredService<OutboundClock>().Time,
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ConnectorClient>>()));
        return services;
    }
}
