using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MdoBot.BotFramework.Auth;

/// <summary>Token checks beyond the handler's own, and short reasons for validation failures.</summary>
public static class TokenChecks
{
    /// <summary>
    /// Used as <see cref="TokenValidationParameters.LifetimeValidator"/> so that "now" comes from
    /// the injected <see cref="TimeProvider"/> rather than the system clock.
    /// </summary>
    public static bool CheckLifetime(DateTime? notBefore, DateTime? expires, DateTimeOffset now, TimeSpan skew)
    {
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("Token has no expiration.");
        }

        var utcNow = now.UtcDateTime;
        if (notBefore is { } nbf && nbf.ToUniversalTime() > utcNow + skew)
        {
            throw new SecurityTokenNotYetValidException("Token is not yet valid.") { NotBefore = nbf };
        }

        if (expires.Value.ToUniversalTime() < utcNow - skew)
        {
            throw new SecurityTokenExpiredException("Token has expired.") { Expires = expires.Value };
        }

        return true;
    }

    /// <summary>Maps a validation exception to a fixed phrase (exception messages are never echoed).</summary>
    public static string DescribeFailure(Exception? exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => "invalid issuer",
        SecurityTokenInvalidAudienceException => "invalid audience",
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenNoExpirationException => "token has no expiration",
        SecurityTokenInvalidLifetimeException => "invalid token lifetime",
        SecurityTokenInvalidAlgorithmException => "unsupported token algorithm",
        SecurityTokenSignatureKeyNotFoundException => "unknown signing key",
        SecurityTokenInvalidSignatureException => "invalid signature",
        _ => "invalid token",
    };

    public static bool ServiceUrlMatches(JsonWebToken token, string? serviceUrl)
    {
        // Bot Connector tokens carry the claim as "serviceurl"; accept the camel-case spelling too.
        var claim = token.TryGetPayloadValue<string>("serviceurl", out var lower) ? lower
            : token.TryGetPayloadValue<string>("serviceUrl", out var camel) ? camel : null;
        return !string.IsNullOrWhiteSpace(claim) && !string.IsNullOrWhiteSpace(serviceUrl)
            && string.Equals(claim.Trim().TrimEnd('/'), serviceUrl.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }
}
