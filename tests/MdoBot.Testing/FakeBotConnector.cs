using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MdoBot.Testing;

/// <summary>
/// A fake Bot Connector service on 127.0.0.1 that speaks the real REST wire format: it records
/// every activity MdoBot sends, updates, or posts into newly created 1:1 conversations, answers
/// member and meeting look-ups from configurable data, and can fail on demand.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly LocalHttpServer _server;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly TaskCompletionSource _firstFailure = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new();
    private readonly SemaphoreSlim _heldArrived = new(0);
    private int _nextId;

    private FakeBotConnector(LocalHttpServer server) => _server = server;

    /// <summary>The serviceUrl to put into activities, e.g. http://127.0.0.1:1234/_connector/.</summary>
    public string ServiceUrl => _server.BaseUrl + "_connector/";

    /// <summary>Members returned by GET v3/conversations/{id}/members.</summary>
    public ConcurrentDictionary<string, List<object>> Members { get; } = new();

    /// <summary>Meeting participant roles by "meetingId|userId" (Organizer, Presenter, Attendee); unknown → 404.</summary>
    public ConcurrentDictionary<string, string> MeetingRoles { get; } = new();

    /// <summary>Meeting details by meeting id for GET v1/meetings/{id} (join URL, organizer's AAD object id); unknown → 404.</summary>
    public ConcurrentDictionary<string, (string JoinUrl, string OrganizerAadObjectId)> Meetings { get; } = new();

    /// <summary>Meeting titles by meeting id, returned in GET v1/meetings/{id}'s details (null when not set).</summary>
    public ConcurrentDictionary<string, string> MeetingTitles { get; } = new();

    /// <summary>Status codes to answer the next sends with (FIFO), before answering normally.</summary>
    public ConcurrentQueue<int> FailNext { get; } = new();

    /// <summary>When set, each 429 from <see cref="FailNext"/> carries <c>Retry-After: &lt;seconds&gt;</c>; without it, no header.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Each failure answered from <see cref="FailNext"/>: its status and when it was sent (real time).</summary>
    public ConcurrentQueue<(int Status, DateTimeOffset At)> FailedAnswers { get; } = new();

    public IReadOnlyList<RecordedCall> Calls => _calls.ToList();

    /// <summary>Completes once the first failure from <see cref="FailNext"/> has been answered (a signal to await, not to poll).</summary>
    public Task FirstFailedAnswer => _firstFailure.Task;

    /// <summary>Fault of the member list read (GET v3/conversations/{id}/members).</summary>
    public StandInFault MembersFault { get; } = new();

    /// <summary>Fault of the meeting participant read (GET v1/meetings/{id}/participants/{user}).</summary>
    public StandInFault ParticipantFault { get; } = new();

    /// <summary>While set, every send, reply, update and 1:1 creation is answered with this status (an outage); after <see cref="FailNext"/>.</summary>
    public int? FailAllStatus { get; set; }

    /// <summary>Each request answered with <see cref="FailAllStatus"/>: its conversation (for 1:1 creation: "create").</summary>
    public ConcurrentQueue<string> OutageAnswers { get; } = new();

    /// <summary>
    /// Holds sends to a conversation unanswered (a slow chat) until <see cref="Release"/>; <see cref="WaitForHeldAsync"/>
    /// waits until one has arrived. Not a timer: the test decides when the chat answers.
    /// </summary>
    public void Hold(string conversationId) => _held[conversationId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string conversationId)
    {
        if (_held.TryRemove(conversationId, out var gate))
        {
            gate.TrySetResult();
        }
    }

    /// <summary>Waits (real time, bounded) until a held send has arrived.</summary>
    public async Task WaitForHeldAsync(TimeSpan? timeout = null)
    {
        if (!await _heldArrived.WaitAsync(timeout ?? TimeSpan.FromSeconds(15)))
        {
            throw new TimeoutException("No send reached a held conversation.");
        }
    }

    /// <summary>How long each send takes to answer (a connector's latency; real time); zero by default.</summary>
    public TimeSpan SendDelay { get; set; }

    public static async Task<FakeBotConnector> StartAsync()
    {
        FakeBotConnector? self = null;
        var server = await LocalHttpServer.StartAsync(app => Map(app, () => self!));
        self = new FakeBotConnector(server);
        return self;
    }

    /// <summary>Waits (real time, bounded) until a recorded call matches.</summary>
    public async Task<RecordedCall> WaitForAsync(Func<RecordedCall, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = _calls.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException("No matching connector call. Calls: " + string.Join(", ", _calls.Select(c => c.ToString())));
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> calls match.</summary>
    public async Task<IReadOnlyList<RecordedCall>> WaitForCountAsync(Func<RecordedCall, bool> match, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = _calls.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"Only {found.Count} of {count} matching calls.");
            }
        }
    }

    private static void Map(WebApplication app, Func<FakeBotConnector> self)
    {
        app.MapPost("/_connector/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest r) =>
            self().RecordAsync("send", conversationId, null, r));
        app.MapPost("/_connector/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest r) =>
            self().RecordAsync("reply", conversationId, activityId, r));
        app.MapPut("/_connector/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest r) =>
            self().RecordAsync("update", conversationId, activityId, r));
        app.MapDelete("/_connector/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId) =>
        {
            self().Add(new RecordedCall("delete", conversationId, activityId, null));
            return Results.Ok();
        });
        app.MapPost("/_connector/v3/conversations", async (HttpRequest r) =>
        {
            var body = JsonNode.Parse(await r.ReadBodyAsync())!;
            var member = (string?)body["members"]?[0]?["id"] ?? "unknown";
            if (self().FailAllStatus is { } down)
            {
                self().OutageAnswers.Enqueue("create");
                return Results.StatusCode(down);
            }

            var id = "a:personal-" + member;
            self().Add(new RecordedCall("create", id, null, body));
            return Results.Json(new { id, serviceUrl = self().ServiceUrl });
        });
        app.MapGet("/_connector/v3/conversations/{conversationId}/members", async (string conversationId, HttpContext context) =>
            await self().MembersFault.ApplyAsync(context)
            ?? Results.Json(self().Members.TryGetValue(conversationId, out var m) ? m : []));
        app.MapGet("/_connector/v1/meetings/{meetingId}/participants/{userId}", async (string meetingId, string userId, HttpContext context) =>
            await self().ParticipantFault.ApplyAsync(context)
            ?? (self().MeetingRoles.TryGetValue(meetingId + "|" + userId, out var role)
                ? Results.Json(new { user = new { id = userId }, meeting = new { role, inMeeting = true } })
                : Results.NotFound()));
        app.MapGet("/_connector/v1/meetings/{meetingId}", (string meetingId) =>
            self().RecordRead("meeting", meetingId) && self().Meetings.TryGetValue(meetingId, out var m)
                ? Results.Json(new
                {
                    details = new { id = meetingId, joinUrl = m.JoinUrl, title = self().MeetingTitles.GetValueOrDefault(meetingId) },
                    organizer = new { aadObjectId = m.OrganizerAadObjectId },
                })
                : Results.NotFound());
    }

    private async Task<IResult> RecordAsync(string kind, string conversationId, string? activityId, HttpRequest request)
    {
        var body = JsonNode.Parse(await request.ReadBodyAsync());
        if (SendDelay > TimeSpan.Zero)
        {
            await Task.Delay(SendDelay);
        }

        if (_held.TryGetValue(conversationId, out var gate))
        {
            _heldArrived.Release();
            await gate.Task.WaitAsync(request.HttpContext.RequestAborted);
        }

        if (kind != "update" && FailNext.TryDequeue(out var status))
        {
            FailedAnswers.Enqueue((status, DateTimeOffset.UtcNow));
            _firstFailure.TrySetResult();
            if (status == 429 && RetryAfterSeconds is { } seconds)
            {
                request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return status == 429 ? Results.Text("slow down", statusCode: 429) : Results.StatusCode(status);
        }

        if (FailAllStatus is { } down)
        {
            OutageAnswers.Enqueue(conversationId);
            return Results.StatusCode(down);
        }

        var id = kind == "update" ? activityId! : "act-" + Interlocked.Increment(ref _nextId);
        Add(new RecordedCall(kind, conversationId, id, body));
        return Results.Json(new { id });
    }

    /// <summary>Records a read (kind "meeting") so tests can wait for it; always true.</summary>
    private bool RecordRead(string kind, string id)
    {
        Add(new RecordedCall(kind, id, null, null));
        return true;
    }

    private void Add(RecordedCall call)
    {
        _calls.Enqueue(call);
        _arrived.Release();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>One request the fake connector received.</summary>
public sealed record RecordedCall(string Kind, string ConversationId, string? ActivityId, JsonNode? Body)
{
    /// <summary>When the fake connector received it (real time).</summary>
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The first attachment's Adaptive Card, if any.</summary>
    public JsonNode? Card => Body?["attachments"]?[0]?["content"];

    /// <summary>The text of the card's first TextBlock, or the message text.</summary>
    public string? Title => (string?)Card?["body"]?[0]?["text"] ?? (string?)Body?["text"];

    public string Json => Body?.ToJsonString(Relaxed) ?? string.Empty;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>True when the card's JSON contains the text (unescaped).</summary>
    public bool IsCard(string textInCard) => Card is { } c && c.ToJsonString(Relaxed).Contains(textInCard, StringComparison.Ordinal);

    public override string ToString() => $"{Kind} {ConversationId} {Title}";
}

public static class JsonElementExtensions
{
    public static JsonNode ToNode(this JsonElement element) => JsonNode.Parse(element.GetRawText())!;
}
