using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MdoBot.Teams.MdoFlow.Pipeline;

namespace MdoBot.Teams.Panel;

/// <summary>
/// The side panel's API: the state of the chat's MDO, the chair controls, and a Server-Sent Events stream of
/// changes. Ids travel in the path; care text only in response bodies (never in a URL or a log line).
/// </summary>
public static partial class PanelEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapPanel(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/panel/chats/{chatId}/state", GetStateAsync);
        app.MapPost("/api/panel/chats/{chatId}/actions", PostActionAsync);
        app.MapGet("/api/panel/chats/{chatId}/events", PanelEvents.StreamAsync);
        app.MapPanelPages();
        return app;
    }

    private static async Task<IResult> GetStateAsync(
        HttpContext http, string chatId, string? view, PanelAccess access, IOptions<MdoOptions> mdo, TimeProvider time, ILoggerFactory loggers,
        CancellationToken ct)
    {
        var open = await access.OpenAsync(http, chatId, null, ct);
        if (open.Session is not { } session)
        {
            return Refuse(loggers, open.Status, open.Error);
        }

        return Results.Json(StateOf(session, view == "stage", mdo.Value, time), Json);
    }

    private static async Task<IResult> PostActionAsync(
        HttpContext http, string chatId, PanelAccess access, PanelCommands commands, PanelChangeFeed feed, IOptions<MdoOptions> mdo,
        TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        var (request, status) = await PanelActionRequest.ReadAsync(http.Request, ct);
        var open = request is null ? null : await access.OpenAsync(http, chatId, request.MdoId, ct);
        if (request is null || open?.Session is not { } session)
        {
            return Refuse(loggers, open?.Status ?? status, open?.Error ?? "invalid body");
        }

        if (!session.IsChair)
        {
            return Refuse(loggers, StatusCodes.Status403Forbidden, "only a chair can do this");
        }

        if (request.Version != session.Mdo.Version)
        {
            return Stale(session, mdo.Value, time);
        }

        await commands.RunAsync(session, PanelCommands.Verbs[request.Action!], request.CardLocale, ct);
        feed.Poke();
        if (await access.RefreshAsync(session, ct) is not { } changed)
        {
            return Refuse(loggers, StatusCodes.Status404NotFound, "no MDO here");
        }

        // Unchanged means the operation was refused (e.g. the MDO was closed meanwhile): nothing changed.
        return changed.Mdo.Version == session.Mdo.Version ? Stale(changed, mdo.Value, time) : Results.Json(StateOf(changed, false, mdo.Value, time), Json);
    }

    internal static PanelState StateOf(PanelSession session, bool stage, MdoOptions options, TimeProvider time) =>
        PanelState.Of(session.Mdo, time.GetUtcNow(), TimeSpan.FromMinutes(options.WarningLeadMinutes), stage, session.IsChair);

    private static IResult Stale(PanelSession session, MdoOptions options, TimeProvider time) =>
        Results.Json(new { error = "stale", state = StateOf(session, false, options, time) }, Json, statusCode: StatusCodes.Status409Conflict);

    internal static IResult Refuse(ILoggerFactory loggers, int status, string? reason)
    {
        LogRefused(loggers.CreateLogger("MdoBot.Panel"), status, reason ?? "refused");
        return Results.Json(new { error = reason }, Json, statusCode: status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Panel request refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);
}
