using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MdoBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MdoBot.Bench;

/// <summary>
/// A minimal, fast fake Bot Connector on 127.0.0.1 (real REST wire format, answered at once).
/// Unlike the test FakeBotConnector it keeps calls per conversation (each virtual user waits on its
/// own conversation only) and forgets a conversation when its MDO is done; it stamps the arrival
/// time of every time notice (⏱ card) for the timer-lateness measurement.
/// </summary>
public sealed class BenchConnector : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, ConversationLog> _conversations = new(StringComparer.Ordinal);
    private LocalHttpServer _server = null!;
    private long _nextId;
    private long _calls;
    private long _activityCalls;
    private long _unclaimed;

    public string ServiceUrl => _server.BaseUrl + "_connector/";

    /// <summary>Every time notice that arrived: conversation, warning (true) or time up, arrival (Unix ms).</summary>
    public ConcurrentQueue<(string ConversationId, bool Warning, double ArrivedUnixMs)> TimeNotices { get; } = new();

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Sends, replies, updates and deletes of activities: what MdoBot's outbox delivers (no member or meeting look-ups).</summary>
    public long ActivityCalls => Interlocked.Read(ref _activityCalls);

    /// <summary>Calls for conversations no virtual user is watching (any more), e.g. late card updates.</summary>
    public long Unclaimed => Interlocked.Read(ref _unclaimed);

    public static async Task<BenchConnector> StartAsync()
    {
        var self = new BenchConnector();
        self._server = await LocalHttpServer.StartAsync(self.Map);
        return self;
    }

    /// <summary>Starts watching a conversation; its members are answered from <paramref name="members"/>.</summary>
    public ConversationLog Open(string conversationId, IReadOnlyList<(string Id, string Name)> members)
    {
        var log = new ConversationLog(JsonSerializer.SerializeToUtf8Bytes(members.Select(m => new { id = m.Id, name = m.Name }), Web));
        _conversations[conversationId] = log;
        return log;
    }

    public void Close(string conversationId) => _conversations.TryRemove(conversationId, out _);

    private void Map(WebApplication app)
    {
        app.MapPost("/_connector/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest r) =>
            RecordAsync("send", conversationId, null, r));
        app.MapPost("/_connector/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest r) =>
            RecordAsync("reply", conversationId, activityId, r));
        app.MapPut("/_connector/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest r) =>
            RecordAsync("update", conversationId, activityId, r));
        app.MapDelete("/_connector/v3/conversations/{conversationId}/activities/{activityId}", () =>
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Increment(ref _activityCalls);
            return Results.Ok();
        });
        app.MapPost("/_connector/v3/conversations", async (HttpRequest r) =>
        {
            Interlocked.Increment(ref _calls);
            var body = JsonNode.Parse(await r.ReadBodyAsync());
            var id = "a:personal-" + ((string?)body?["members"]?[0]?["id"] ?? "unknown");
            return Results.Json(new { id, serviceUrl = ServiceUrl });
        });
        app.MapGet("/_connector/v3/conversations/{conversationId}/members", (string conversationId) =>
        {
            Interlocked.Increment(ref _calls);
            return _conversations.TryGetValue(conversationId, out var log)
                ? Results.Bytes(log.MembersJson, "application/json")
                : Results.Json(Array.Empty<object>());
        });

        // The virtual chair organizes the meeting; everyone else attends.
        app.MapGet("/_connector/v1/meetings/{meetingId}/participants/{userId}", (string meetingId, string userId) =>
        {
            Interlocked.Increment(ref _calls);
            var role = userId.StartsWith("29:chair-", StringComparison.Ordinal) ? "Organizer" : "Attendee";
            return Results.Json(new { user = new { id = userId }, meeting = new { role, inMeeting = true } });
        });
        app.MapGet("/_connector/v1/meetings/{meetingId}", () => Results.NotFound());
    }

    private async Task<IResult> RecordAsync(string kind, string conversationId, string? activityId, HttpRequest request)
    {
        var arrived = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _calls);
        Interlocked.Increment(ref _activityCalls);
        var body = await request.ReadBodyAsync();
        if (body.Contains("\\u23F1", StringComparison.OrdinalIgnoreCase) || body.Contains('⏱', StringComparison.Ordinal))
        {
            var arrivedUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - Stopwatch.GetElapsedTime(arrived).TotalMilliseconds;
            TimeNotices.Enqueue((conversationId, IsWarning(body), arrivedUnixMs));
        }

        var id = kind == "update" ? activityId! : "act-" + Interlocked.Increment(ref _nextId);
        if (_conversations.TryGetValue(conversationId, out var log))
        {
            log.Add(new ConnectorCall(kind, id, body, arrived));
        }
        else
        {
            Interlocked.Increment(ref _unclaimed);
        }

        return Results.Json(new { id });
    }

    /// <summary>The notice's first TextBlock: "Nog 4 minuten voor …" / "4 minutes left …" is a warning.</summary>
    private static bool IsWarning(string body)
    {
        var text = (string?)JsonNode.Parse(body)?["attachments"]?[0]?["content"]?["body"]?[0]?["text"] ?? string.Empty;
        return text.Contains("Nog ", StringComparison.Ordinal) || text.Contains("left", StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>What arrived for one conversation; one virtual user waits on it.</summary>
public sealed class ConversationLog(byte[] membersJson)
{
    private readonly Lock _gate = new();
    private readonly List<ConnectorCall> _calls = [];
    private TaskCompletionSource? _changed;
    private volatile bool _quiet;

    public byte[] MembersJson { get; } = membersJson;

    /// <summary>Drops what arrives from now on (member look-ups are still answered).</summary>
    public void StopRecording()
    {
        _quiet = true;
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    public void Add(ConnectorCall call)
    {
        if (_quiet)
        {
            return;
        }

        TaskCompletionSource? wake;
        lock (_gate)
        {
            _calls.Add(call);
            wake = _changed;
            _changed = null;
        }

        wake?.TrySetResult();
    }

    /// <summary>Waits until a call matches (scanning everything that arrived so far, like the tests do).</summary>
    public async Task<ConnectorCall> WaitForAsync(Func<ConnectorCall, bool> match, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var scanned = 0;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (; scanned < _calls.Count; scanned++)
                {
                    if (match(_calls[scanned]))
                    {
                        return _calls[scanned];
                    }
                }

                _changed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                changed = _changed.Task;
            }

            var left = TimeSpan.FromSeconds((double)(deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("no matching connector call");
            }

            try
            {
                await changed.WaitAsync(left, ct);
            }
            catch (TimeoutException)
            {
                // loop once more: scan, then report the time-out
            }
        }
    }
}

/// <summary>One send / reply / update MdoBot made; the card is parsed lazily, by the waiting user only.</summary>
public sealed class ConnectorCall(string kind, string activityId, string body, long arrivedTimestamp)
{
    private JsonNode? _card;
    private string? _text;

    public string Kind { get; } = kind;

    public string ActivityId { get; } = activityId;

    public long ArrivedTimestamp { get; } = arrivedTimestamp;

    public bool IsSend => Kind is "send" or "reply";

    /// <summary>The first attachment's Adaptive Card (or an empty object).</summary>
    public JsonNode Card => _card ??= JsonNode.Parse(body)?["attachments"]?[0]?["content"] ?? new JsonObject();

    /// <summary>All string values of the card, decoded, newline-separated (for "contains" checks).</summary>
    public string Text => _text ??= Cards.Strings(Card);

    public bool Has(string text) => Text.Contains(text, StringComparison.Ordinal);

    public bool HasVerb(string verb) => Cards.FindActions(Card).Any(a => (string?)a["verb"] == verb);
}

/// <summary>Reading Action.Execute buttons back from cards, as a Teams client would.</summary>
public static class Cards
{
    /// <summary>The data of the first Action.Execute with this verb (nested cards included), cloned.</summary>
    public static JsonObject ActionData(JsonNode card, string verb) =>
        FindActions(card).FirstOrDefault(a => (string?)a["verb"] == verb)?["data"]?.DeepClone().AsObject()
        ?? throw new InvalidOperationException($"No {verb} action on card");

    public static IEnumerable<JsonObject> FindActions(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Execute" => [o, .. o.SelectMany(p => FindActions(p.Value))],
        JsonObject o => o.SelectMany(p => FindActions(p.Value)),
        JsonArray arr => arr.SelectMany(FindActions),
        _ => [],
    };

    public static string Strings(JsonNode? node)
    {
        var sb = new StringBuilder();
        Collect(node, sb);
        return sb.ToString();
    }

    private static void Collect(JsonNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var p in o)
                {
                    Collect(p.Value, sb);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Collect(item, sb);
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                sb.Append(s).Append('\n');
                break;
        }
    }
}
