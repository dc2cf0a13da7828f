using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Auth;
using MdoBot.BotFramework.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MdoBot.BotFramework.Hosting;

public static partial class BotEndpoints
{
    /// <summary>Maps <c>POST /api/messages</c> (the host maps the health checks).</summary>
    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleMessagesAsync);
        return app;
    }

    private static async Task<IResult> HandleMessagesAsync(
        HttpContext http, IInboundAuthenticator auth, TurnProcessor processor, TenantPolicy tenants,
        ITenantRefusal refusal, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("MdoBot.Inbound");
        if (InboundReader.CheckDeclaredLength(http.Request) is { } tooLarge)
        {
            return Reject(logger, tooLarge.Status, tooLarge.Error);
        }

        // The credentials are checked before the body is read or parsed: an unauthenticated caller gets 401 and costs no parse.
        var caller = await auth.AuthenticateCallerAsync(
            http.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, http.Connection.RemoteIpAddress, ct);
        if (!caller.Succeeded)
        {
            return Reject(logger, caller.Result.StatusCode, caller.Result.Reason);
        }

        var read = await InboundReader.ReadAsync(http.Request, ct);
        if (read.Activity is not { } activity)
        {
            return Reject(logger, read.Status, read.Error);
        }

        var authResult = caller.CheckActivity(activity.ServiceUrl, activity.ChannelId);
        if (!authResult.Succeeded)
        {
            return Reject(logger, authResult.StatusCode, authResult.Reason);
        }

        if (!tenants.IsAllowed(activity))
        {
            LogRejected(logger, StatusCodes.Status403Forbidden, "tenant not allowed");
            if (activity.Type == ActivityTypes.Invoke)
            {
                return Results.Json(new { error = "This tenant is not served." }, statusCode: StatusCodes.Status403Forbidden);
            }

            refusal.Send(activity);
            return Results.Ok();
        }

        var response = await processor.ProcessAsync(activity, ct);
        if (response is null)
        {
            return Results.Ok();
        }

        var json = response.Serialized().Json;
        return json is null
            ? Results.StatusCode(response.Status)
            : new JsonAnswer(json, response.Status);
    }

    private static IResult Reject(ILogger logger, int status, string? reason)
    {
        LogRejected(logger, status, reason);
        return Results.Json(new { error = reason }, statusCode: status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound request rejected with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string? reason);

    /// <summary>An invoke answer written as its serialized UTF-8 bytes, with its status.</summary>
    private sealed class JsonAnswer(Utf8Json json, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = json.Length;
            return response.Body.WriteAsync(json.Bytes).AsTask();
        }
    }
}
