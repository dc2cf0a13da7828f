using Microsoft.IdentityModel.JsonWebTokens;

namespace MdoBot.BotFramework.Auth;

/// <summary>
/// The outcome of checking a request's credentials before its body is read: either a refusal
/// (<see cref="Result"/>) or a caller whose token is valid, still to be bound to the activity it sent
/// (the token's <c>serviceUrl</c> claim and its key's channel endorsements, see <see cref="CheckActivity"/>).
/// </summary>
public sealed class AuthenticatedCaller
{
    private readonly JsonWebToken? _token;
    private readonly BotSigningKey? _key;

    private AuthenticatedCaller(AuthResult result, JsonWebToken? token, BotSigningKey? key)
    {
        Result = result;
        _token = token;
        _key = key;
    }

    /// <summary>Ok when the credentials are acceptable; otherwise the 401 to answer.</summary>
    public AuthResult Result { get; }

    public bool Succeeded => Result.Succeeded;

    public static AuthenticatedCaller Refused(AuthResult result) => new(result, null, null);

    /// <summary>A development-mode caller (loopback, no token): every activity is accepted.</summary>
    public static AuthenticatedCaller Development { get; } = new(AuthResult.Ok, null, null);

    public static AuthenticatedCaller WithToken(JsonWebToken token, BotSigningKey key) => new(AuthResult.Ok, token, key);

    /// <summary>Binds the validated token to the parsed activity: serviceUrl claim (401) and channel endorsement (403).</summary>
    public AuthResult CheckActivity(string? serviceUrl, string? channelId)
    {
        if (!Result.Succeeded || _token is null || _key is null)
        {
            return Result;
        }

        if (!TokenChecks.ServiceUrlMatches(_token, serviceUrl))
        {
            return AuthResult.Unauthorized("serviceUrl claim missing or mismatched");
        }

        return channelId is { Length: > 0 } channel && _key.Endorsements.Contains(channel, StringComparer.Ordinal)
            ? AuthResult.Ok
            : AuthResult.Forbidden("signing key not endorsed for channel");
    }
}
