using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MdoBot.Teams.MdoFlow.Pipeline;

namespace MdoBot.Teams.Panel;

/// <summary>
/// <c>GET /api/panel/chats/{chatId}/events</c>: a Server-Sent Events stream. <c>state</c> is sent at once and after
/// every stored change of the MDO; <c>time</c> carries the server's time every <see cref="PanelOptions.TimeInterval"/>
/// (measured on the application clock), so that the page keeps its countdown on server time.
/// </summary>
public static class PanelEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task StreamAsync(
        HttpContext http, string chatId, string? view, PanelAccess access, PanelChangeFeed feed, IOptions<MdoOptions> mdo,
        IOptions<PanelOptions> panel, PanelPollClock poll, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var open = await access.OpenAsync(http, chatId, null, ct);
        if (open.Session is not { } session)
        {
            await PanelEndpoints.Refuse(loggers, open.Status, open.Error).ExecuteAsync(http);
            return;
        }

        var stage = view == "stage";
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        using var subscription = feed.Subscribe(session.Mdo.Mdo.Id, session.Mdo.Version);
        await SendAsync(http, "state", PanelEndpoints.StateOf(session, stage, mdo.Value, time), ct);
        try
        {
            var changed = subscription.Changed.WaitToReadAsync(ct).AsTask();
            var tick = Task.Delay(panel.Value.TimeInterval, poll.Time, ct);
            while (!ct.IsCancellationRequested)
            {
                var done = await Task.WhenAny(changed, tick);
                if (done == tick)
                {
                    await tick;
                    await SendAsync(http, "time", new { serverNow = time.GetUtcNow() }, ct);
                    tick = Task.Delay(panel.Value.TimeInterval, poll.Time, ct);
                    continue;
                }

                if (!await changed)
                {
                    return;
                }

                subscription.Changed.TryRead(out _);
                if (await access.RefreshAsync(session, ct) is not { } now)
                {
                    return; // erased: the page reconnects and gets 404
                }

                session = now;
                await SendAsync(http, "state", PanelEndpoints.StateOf(now, stage, mdo.Value, time), ct);

                changed = subscription.Changed.WaitToReadAsync(ct).AsTask();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the page went away
        }
    }

    private static async Task SendAsync(HttpContext http, string name, object data, CancellationToken ct)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
    }
}
