using System.Net;
using MdoBot.BotFramework.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MdoBot.BotFramework.Auth;

/// <summary>
/// Authenticates Bot Connector → bot requests.
/// Status codes: every missing, malformed or invalid credential is 401 (including an
/// unavailable key source and a serviceUrl mismatch); a token that is valid in every other way
/// but whose signing key is not endorsed for the activity's channel is 403.
/// Development mode (no app id) accepts only header-less requests from a loopback address.
/// </summary>
public sealed class BotFrameworkAuthenticator : IInboundAuthenticator
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new();
    private readonly IOptions<BotOptions> _options;
    private readonly IOpenIdKeySource _keys;
    private readonly TimeProvider _time;
    private readonly ILogger<BotFrameworkAuthenticator> _logger;

    public BotFrameworkAuthenticator(IOptions<BotOptions> options, IOpenIdKeySource keys, TimeProvider time, ILogger<BotFrameworkAuthenticator> logger)
    {
        _options = options;
        _keys = keys;
        _time = time;
        _logger = logger;
    }

    /// <summary>True when no app id is configured; the host should warn about it at start-up.</summary>
    public bool IsDevelopmentMode => _options.Value.IsDevelopmentMode;

    public async Task<AuthResult> AuthenticateAsync(InboundRequestInfo request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = await AuthenticateCallerAsync(request.AuthorizationHeader, request.RemoteAddress, ct).ConfigureAwait(false);
        var result = caller.CheckActivity(request.ServiceUrl, request.ChannelId);
        if (caller.Succeeded && !result.Succeeded)
        {
            AuthLog.RequestRejected(_logger, result.StatusCode, result.Reason ?? "unknown");
        }

        return result;
    }

    public async Task<AuthenticatedCaller> AuthenticateCallerAsync(string? authorizationHeader, IPAddress? remoteAddress, CancellationToken ct)
    {
        var options = _options.Value;
        var caller = options.IsDevelopmentMode
            ? AuthenticateDevelopment(authorizationHeader, remoteAddress)
            : await AuthenticateTokenAsync(authorizationHeader, options, ct).ConfigureAwait(false);
        if (!caller.Succeeded)
        {
            AuthLog.RequestRejected(_logger, caller.Result.StatusCode, caller.Result.Reason ?? "unknown");
        }

        return caller;
    }

    public static bool IsLoopback(IPAddress? address) =>
        address is not null
        && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static AuthenticatedCaller AuthenticateDevelopment(string? authorizationHeader, IPAddress? remoteAddress)
    {
        if (!string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return Refuse("development mode cannot validate tokens");
        }

        return IsLoopback(remoteAddress)
            ? AuthenticatedCaller.Development
            : Refuse("development mode accepts loopback requests only");
    }

    private static AuthenticatedCaller Refuse(string reason) => AuthenticatedCaller.Refused(AuthResult.Unauthorized(reason));

    private async Task<AuthenticatedCaller> AuthenticateTokenAsync(string? authorizationHeader, BotOptions options, CancellationToken ct)
    {
        const string prefix = "Bearer ";
        var header = authorizationHeader?.Trim();
        if (header is null || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || header.Length == prefix.Length)
        {
            return Refuse("missing or non-bearer authorization header");
        }

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(header[prefix.Length..].Trim());
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return Refuse("malformed token");
        }

        // Checked before any key lookup so junk tokens cannot force JWKS refreshes.
        if (token.Alg != SecurityAlgorithms.RsaSha256)
        {
            return Refuse("unsupported token algorithm");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return Refuse("token has no key id");
        }

        BotSigningKey? key;
        try
        {
            key = await _keys.GetSigningKeyAsync(token.Kid, ct).ConfigureAwait(false);
        }
        catch (OpenIdMetadataException ex)
        {
            AuthLog.KeysUnavailable(_logger, ex);
            return Refuse("signing keys unavailable");
        }

        if (key is null)
        {
            return Refuse("unknown signing key");
        }

        var validation = await _handler.ValidateTokenAsync(token, CreateParameters(options, key)).ConfigureAwait(false);
        return validation.IsValid
            ? AuthenticatedCaller.WithToken(token, key)
            : Refuse(TokenChecks.DescribeFailure(validation.Exception));
    }

    private TokenValidationParameters CreateParameters(BotOptions options, BotSigningKey key) => new()
    {
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        IssuerSigningKey = key.Key,
        TryAllIssuerSigningKeys = false,
        ValidateIssuerSigningKey = false, // the key comes from the trusted JWKS; its endorsements are checked separately
        ValidateIssuer = true,
        ValidIssuer = options.TokenIssuer,
        ValidateAudience = true,
        ValidAudience = options.AppId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = (notBefore, expires, _, _) => TokenChecks.CheckLifetime(notBefore, expires, _time.GetUtcNow(), ClockSkew),
    };
}
