using MdoBot.BotFramework.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MdoBot.BotFramework.Auth;

/// <summary>
/// Fetches the OpenID metadata document and its JWKS through Microsoft.IdentityModel's
/// <see cref="OpenIdConnectConfigurationRetriever"/> (https-only when the metadata URL is https),
/// and caches the keys. Keys are refreshed
/// every 24 hours; an unknown key id triggers one extra refresh, at most once per 5 minutes.
/// When a scheduled refresh fails the previous keys stay in use. All times come from the
/// injected <see cref="TimeProvider"/>; that is why the schedule is kept here rather than in
/// <c>ConfigurationManager&lt;T&gt;</c>, whose clock cannot be injected and whose refreshes run in the background.
/// </summary>
public sealed class OpenIdKeySource : IOpenIdKeySource, IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);
    public static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(30);

    private readonly MetadataDocuments _documents;
    private readonly Uri _metadataUrl;
    private readonly TimeProvider _time;
    private readonly ILogger<OpenIdKeySource> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, BotSigningKey>? _keys;
    private long _nextRefreshTicks; // UtcTicks; read outside the lock, so kept atomic
    private DateTimeOffset _lastUnknownKeyRefresh = DateTimeOffset.MinValue;
    private long _version;

    public OpenIdKeySource(HttpClient http, IOptions<BotOptions> options, TimeProvider time, ILogger<OpenIdKeySource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metadataUrl = new Uri(options.Value.OpenIdMetadataUrl, UriKind.Absolute);
        _documents = new MetadataDocuments(http, requireHttps: _metadataUrl.Scheme == Uri.UriSchemeHttps);
        _time = time;
        _logger = logger;
    }

    public async Task<BotSigningKey?> GetSigningKeyAsync(string keyId, CancellationToken ct)
    {
        if (Volatile.Read(ref _keys) is null || _time.GetUtcNow().UtcTicks >= Interlocked.Read(ref _nextRefreshTicks))
        {
            await RefreshAsync(Interlocked.Read(ref _version), unknownKey: false, ct).ConfigureAwait(false);
        }

        var seen = Interlocked.Read(ref _version);
        if (Volatile.Read(ref _keys)!.TryGetValue(keyId, out var key))
        {
            return key;
        }

        await RefreshAsync(seen, unknownKey: true, ct).ConfigureAwait(false);
        return Volatile.Read(ref _keys)!.GetValueOrDefault(keyId);
    }

    public void Dispose() => _gate.Dispose();

    // Any failure other than the caller's own cancellation becomes OpenIdMetadataException (or stale keys).
    private async Task RefreshAsync(long seenVersion, bool unknownKey, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (Interlocked.Read(ref _version) != seenVersion)
            {
                return; // another caller refreshed while we waited
            }

            if (unknownKey)
            {
                if (now - _lastUnknownKeyRefresh < UnknownKeyRefreshInterval)
                {
                    return;
                }

                _lastUnknownKeyRefresh = now;
            }
            else if (_keys is null && now.UtcTicks < _nextRefreshTicks)
            {
                throw new OpenIdMetadataException("Signing keys unavailable; retrying after back-off.");
            }

            try
            {
                var keys = await FetchAsync(ct).ConfigureAwait(false);
                AuthLog.KeysRefreshed(_logger, keys.Count, unknownKey ? "unknown key id" : "scheduled");
                Volatile.Write(ref _keys, keys);
                Interlocked.Exchange(ref _nextRefreshTicks, (now + RefreshInterval).UtcTicks);
                Interlocked.Increment(ref _version);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                AuthLog.MetadataFetchFailed(_logger, _metadataUrl, ex);
                Interlocked.Exchange(ref _nextRefreshTicks, (now + FailureBackoff).UtcTicks);
                if (_keys is null)
                {
                    throw ex as OpenIdMetadataException ?? new OpenIdMetadataException("Signing keys unavailable.", ex);
                }

                // Otherwise keep serving the previous keys and try again after the back-off.
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<string, BotSigningKey>> FetchAsync(CancellationToken ct)
    {
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(_metadataUrl.AbsoluteUri, _documents, ct).ConfigureAwait(false);
        return BotSigningKeys.From(configuration.JsonWebKeySet);
    }
}
