using System.Collections.Concurrent;
using MdoBot.BotFramework.Auth;
using MdoBot.BotFramework.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MdoBot.Teams.Panel;

/// <summary>
/// The signing keys of each served tenant, from its Entra OpenID metadata
/// (<c>{authority}{tid}/v2.0/.well-known/openid-configuration</c>); cached and refreshed like the Bot Framework keys.
/// </summary>
public sealed class TenantKeySources(IHttpClientFactory http, IOptions<PanelOptions> options, TimeProvider time, ILoggerFactory loggers) : IDisposable
{
    private readonly ConcurrentDictionary<string, OpenIdKeySource> _sources = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The key source of one tenant; call only for a tenant on the allow-list (the set is bounded by it).</summary>
    public IOpenIdKeySource For(string tenantId) => _sources.GetOrAdd(tenantId, Create);

    public void Dispose()
    {
        foreach (var source in _sources.Values)
        {
            source.Dispose();
        }
    }

    private OpenIdKeySource Create(string tenantId)
    {
        var authority = options.Value.MetadataAuthority is { Length: > 0 } m ? m : options.Value.Authority;
        var metadata = $"{authority.TrimEnd('/')}/{Uri.EscapeDataString(tenantId)}/v2.0/.well-known/openid-configuration";
        return new OpenIdKeySource(
            http.CreateClient(AuthServiceCollectionExtensions.HttpClientName),
            Options.Create(new BotOptions { OpenIdMetadataUrl = metadata }),
            time,
            loggers.CreateLogger<OpenIdKeySource>());
    }
}
