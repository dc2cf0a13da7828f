using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using MdoBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MdoBot.Bench.Soak;

/// <summary>
/// A Bot Connector stand-in (real REST wire format) that misbehaves on a schedule: in every minute, 429 bursts
/// (Retry-After 2 s) in seconds 0–10, 500s in 20–30, hangs (never answered until the caller gives up) in 40–45,
/// each for a third of the sends (by a seeded random source); and one outage (503 on every call) from the middle of
/// the run. It records every delivered send with its arrival time (monotonic seconds since start).
/// </summary>
public sealed class FaultyConnector : IAsyncDisposable
{
    private readonly Random _random = new(20261202);
    private readonly Lock _randomGate = new();
    private readonly long _start = Stopwatch.GetTimestamp();
    private LocalHttpServer _server = null!;
    private long _nextId;

    private FaultyConnector(TimeSpan outageAt, TimeSpan outageLength) => (OutageAt, OutageLength) = (outageAt, outageLength);

    public TimeSpan OutageAt { get; }

    public TimeSpan OutageLength { get; }

    public string ServiceUrl => _server.BaseUrl + "_connector/";

    /// <summary>Delivered sends: conversation, text, arrival (seconds since start).</summary>
    public ConcurrentQueue<(string ConversationId, string Text, double At)> Delivered { get; } = new();

    /// <summary>Faults answered, by kind (429, 500, 503, hang).</summary>
    public ConcurrentDictionary<string, int> Faults { get; } = new(StringComparer.Ordinal);

    public double Now => Stopwatch.GetElapsedTime(_start).TotalSeconds;

    public static async Task<FaultyConnector> StartAsync(TimeSpan outageAt, TimeSpan outageLength)
    {
        var self = new FaultyConnector(outageAt, outageLength);
        self._server = await LocalHttpServer.StartAsync(self.Map);
        return self;
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/_connector/v3/conversations/{conversationId}/activities", (string conversationId, HttpContext c) => SendAsync(conversationId, c));
        app.MapPost("/_connector/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, HttpContext c) => SendAsync(conversationId, c));
        app.MapPut("/_connector/v3/conversations/{conversationId}/activities/{activityId}", async (string activityId, HttpContext c) =>
            await FaultAsync(c) ?? Results.Json(new { id = activityId }));
        app.MapPost("/_connector/v3/conversations", async (HttpContext c) =>
        {
            var body = JsonNode.Parse(await c.Request.ReadBodyAsync());
            return await FaultAsync(c) ?? Results.Json(new { id = "a:personal-" + ((string?)body?["members"]?[0]?["id"] ?? "unknown"), serviceUrl = ServiceUrl });
        });
        app.MapGet("/_connector/v3/conversations/{conversationId}/members", () =>
            Results.Json(new[] { new { id = "29:chair-soak", name = "Soak Chair" } }));
        app.MapGet("/_connector/v1/meetings/{meetingId}/participants/{userId}", (string userId) =>
            Results.Json(new { user = new { id = userId }, meeting = new { role = "Organizer", inMeeting = true } }));
        app.MapGet("/_connector/v1/meetings/{meetingId}", () => Results.NotFound());
    }

    private async Task<IResult> SendAsync(string conversationId, HttpContext context)
    {
        var body = JsonNode.Parse(await context.Request.ReadBodyAsync());
        if (await FaultAsync(context) is { } fault)
        {
            return fault;
        }

        Delivered.Enqueue((conversationId, (string?)body?["text"] ?? string.Empty, Now));
        return Results.Json(new { id = "act-" + Interlocked.Increment(ref _nextId) });
    }

    /// <summary>The fault to answer with now, or null to answer normally.</summary>
    private async Task<IResult?> FaultAsync(HttpContext context)
    {
        var now = TimeSpan.FromSeconds(Now);
        if (now >= OutageAt && now < OutageAt + OutageLength)
        {
            return Count("503", Results.StatusCode(503));
        }

        bool hit;
        lock (_randomGate)
        {
            hit = _random.NextDouble() < 1.0 / 3;
        }

        var second = (int)now.TotalSeconds % 60;
        switch (second)
        {
            case < 10 when hit:
                context.Response.Headers.RetryAfter = "2";
                return Count("429", Results.Text("slow down", statusCode: 429));
            case >= 20 and < 30 when hit:
                return Count("500", Results.StatusCode(500));
            case >= 40 and < 45 when hit:
                Count("hang", Results.Empty);
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(5), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // the caller gave up, as intended
                }

                return Results.StatusCode(504);
            default:
                return null;
        }
    }

    private IResult Count(string kind, IResult result)
    {
        Faults.AddOrUpdate(kind, 1, (_, n) => n + 1);
        return result;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
