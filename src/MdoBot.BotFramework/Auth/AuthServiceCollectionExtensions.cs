using MdoBot.BotFramework.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MdoBot.BotFramework.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> used to fetch OpenID metadata and JWKS.</summary>
    public const string HttpClientName = "MdoBot.OpenIdMetadata";

    /// <summary>
    /// Registers <see cref="IInboundAuthenticator"/> and <see cref="IOpenIdKeySource"/> as singletons
    /// (the key cache must outlive requests). Binding <see cref="BotOptions"/> is left to the host.
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BotOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) });
        services.TryAddSingleton<IOpenIdKeySource>(sp => new OpenIdKeySource(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<BotOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OpenIdKeySource>>()));
        services.TryAddSingleton<BotFrameworkAuthenticator>();
        services.TryAddSingleton<IInboundAuthenticator>(sp => sp.GetRequiredService<BotFrameworkAuthenticator>());
        return services;
    }
}
