using Azure.Core;
using MdoBot.BotFramework.Configuration;
using MdoBot.BotFramework.Outbound;
using Microsoft.Extensions.Options;

namespace MdoBot.BotFramework.Connector;

/// <summary>
/// Gets Bot Connector tokens from Azure.Identity (credential chosen by <see cref="BotOptions.CredentialKind"/>)
/// and caches each one until five minutes before it expires. In development mode it returns no token.
/// Configuration errors are thrown from the constructor, so they surface at start-up.
/// </summary>
public sealed class AzureIdentityTokenProvider : IConnectorTokenProvider
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly TokenCredential? _credential;
    private readonly TokenRequestContext _request;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CachedToken? _cached;

    public AzureIdentityTokenProvider(IOptions<BotOptions> options, TimeProvider time)
        : this(options, time, transport: null)
    {
    }

    /// <param name="transport">The HTTP transport Azure.Identity uses for the token requests (null = its default).</param>
    public AzureIdentityTokenProvider(IOptions<BotOptions> options, TimeProvider time, Azure.Core.Pipeline.HttpPipelineTransport? transport)
        : this(ConnectorCredentialFactory.Create(Value(options), transport), Value(options).ConnectorScope, time)
    {
    }

    internal AzureIdentityTokenProvider(TokenCredential? credential, string scope, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (credential is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        }

        _credential = credential;
        _request = new TokenRequestContext([scope]);
        _time = time;
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken ct)
    {
        if (_credential is null)
        {
            return null;
        }

        if (Fresh() is { } token)
        {
            return token;
        }

        await _refresh.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Fresh() is { } raced)
            {
                return raced;
            }

            var issued = await _credential.GetTokenAsync(_request, ct).ConfigureAwait(false);
            _cached = new CachedToken(issued.Token, issued.ExpiresOn - RefreshMargin);
            return issued.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private string? Fresh() => _cached is { } cached && _time.GetUtcNow() < cached.RefreshAt ? cached.Value : null;

    private static BotOptions Value(IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value;
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
