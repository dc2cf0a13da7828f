using System.Text.Json;
using MdoBot.Domain.Persistence;
using MdoBot.Teams.Auth;
using MdoBot.Teams.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MdoBot.Teams.Hosting;

public static partial class BotEndpoints
{
    /// <summary>Maps <c>POST /api/messages</c> (the host maps the health checks).</summary>
    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleMessagesAsync);
        return app;
    }

    private static async Task<IResult> HandleMessagesAsync(
        HttpContext http, IInboundAuthenticator auth, TurnProcessor processor, Security.TenantPolicy tenants,
        Security.TenantRefusal refusal, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("MdoBot.Inbound");
        var read = await InboundReader.ReadAsync(http.Request, ct);
        if (read.Activity is not { } activity)
        {
            LogRejected(logger, read.Status, read.Error);
            return Results.Json(new { error = read.Error }, statusCode: read.Status);
        }

        var authResult = await auth.AuthenticateAsync(
            new InboundRequestInfo(http.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null,
                http.Connection.RemoteIpAddress, activity.ServiceUrl, activity.ChannelId), ct);
        if (!authResult.Succeeded)
        {
            LogRejected(logger, authResult.StatusCode, authResult.Reason);
            return Results.Json(new { error = authResult.Reason }, statusCode: authResult.StatusCode);
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

        var json = response.Json ?? (response.Body is { } body ? JsonSerializer.Serialize(body, ProtocolJson.Options) : null);
        return json is null
            ? Results.StatusCode(response.Status)
            : Results.Text(json, "application/json", statusCode: response.Status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound request rejected with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string? reason);
}
