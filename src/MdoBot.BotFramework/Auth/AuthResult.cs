namespace MdoBot.BotFramework.Auth;

/// <summary>
/// Outcome of authenticating one inbound request. <see cref="Reason"/> is a short, fixed phrase
/// meant for logs and problem responses; it never contains token content.
/// </summary>
public sealed record AuthResult(bool Succeeded, int StatusCode, string? Reason)
{
    public static AuthResult Ok { get; } = new(true, 200, null);

    /// <summary>401: no credentials, or the token is not acceptable.</summary>
    public static AuthResult Unauthorized(string reason) => new(false, 401, reason);

    /// <summary>403: a valid token whose signing key is not endorsed for the activity's channel.</summary>
    public static AuthResult Forbidden(string reason) => new(false, 403, reason);
}

/// <summary>The parts of an inbound HTTP request and its activity that authentication needs.</summary>
public sealed record InboundRequestInfo(
    string? AuthorizationHeader,
    System.Net.IPAddress? RemoteAddress,
    string? ServiceUrl,
    string? ChannelId);

/// <summary>Decides whether an inbound Bot Framework request may be processed.</summary>
public interface IInboundAuthenticator
{
    Task<AuthResult> AuthenticateAsync(InboundRequestInfo request, CancellationToken ct);

    /// <summary>
    /// Checks the credentials alone (header and caller address), before the body is read; the activity is bound
    /// afterwards with <see cref="AuthenticatedCaller.CheckActivity"/>.
    /// </summary>
    Task<AuthenticatedCaller> AuthenticateCallerAsync(string? authorizationHeader, System.Net.IPAddress? remoteAddress, CancellationToken ct);
}
