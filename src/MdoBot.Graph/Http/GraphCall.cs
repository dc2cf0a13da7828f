using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Polly.Timeout;

namespace MdoBot.Graph.Http;

/// <summary>
/// Runs one Graph operation and turns the SDK's failures into <see cref="GraphUnavailableException"/>
/// (401/403/404, no token: do not retry, skip the feature) or <see cref="GraphRequestFailedException"/>
/// (anything else after the retry handler gave up). Graph's error <em>messages</em> are dropped: they can
/// quote recipients or meeting URLs. Only the status and a sanitized error code are kept and logged.
/// </summary>
internal static class GraphCall
{
    public static async Task<T> RunAsync<T>(string operation, ILogger logger, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ApiException e) when (!cancellationToken.IsCancellationRequested)
        {
            var status = e.ResponseStatusCode;
            var code = ErrorCode(e);
            if (status is 401 or 403 or 404)
            {
                GraphLog.Unavailable(logger, operation, status, code);
                throw new GraphUnavailableException(operation, status, code, UnavailableReason(status, code));
            }

            GraphLog.Failed(logger, operation, status, code);
            throw new GraphRequestFailedException(operation, status == 0 ? null : status, code, FailedReason(status, code));
        }
        catch (AuthenticationFailedException e) when (!cancellationToken.IsCancellationRequested)
        {
            GraphLog.Unavailable(logger, operation, null, e.GetType().Name);
            throw new GraphUnavailableException(operation, null, null,
                "no Graph token could be obtained; check Graph:TenantId, Graph:ClientId and the credential", e);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            var reason = e is TimeoutRejectedException ? "time-out" : "network error";
            GraphLog.NoResponse(logger, operation, reason);
            throw new GraphRequestFailedException(operation, null, null, $"no response from Graph ({reason}) after the retries", e);
        }
    }

    private static string UnavailableReason(int status, string? code) => status switch
    {
        401 => $"Graph rejected the app's token (401{Code(code)}); check the tenant, client id and credential",
        403 => $"Graph refused access (403{Code(code)}); check the application permission and any application access policy",
        _ => $"Graph could not find the mailbox, user or meeting (404{Code(code)})",
    };

    private static string FailedReason(int status, string? code) => status switch
    {
        429 => $"Graph kept throttling the request (429{Code(code)}) beyond the retry limits",
        >= 500 => $"Graph kept failing ({status}{Code(code)}) after the bounded retries",
        0 => "Graph's answer could not be read",
        _ => $"Graph rejected the request ({status}{Code(code)})",
    };

    private static string Code(string? code) => code is null ? "" : " " + code;

    /// <summary>Graph's error code (e.g. <c>ErrorAccessDenied</c>) if it looks like one; never free text.</summary>
    private static string? ErrorCode(ApiException e)
    {
        var code = (e as ODataError)?.Error?.Code;
        return code is { Length: > 0 and <= 64 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            ? code
            : null;
    }
}
