using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace MdoBot.Bench;

/// <summary>
/// Posts activities of one Teams meeting chat to MdoBot's /api/messages, built from the real
/// Teams captures (like tests/MdoBot.Web.Tests/MeetingChat.cs), and times each round-trip.
/// </summary>
public sealed class MeetingClient
{
    private static readonly Dictionary<string, string> Fixtures = new(StringComparer.Ordinal);
    private readonly HttpClient _http;
    private readonly Uri _messages;
    private readonly string _serviceUrl;
    private readonly string _conversationId;
    private readonly string _meetingId;
    private readonly Recorder _recorder;
    private int _counter;

    public MeetingClient(HttpClient http, string botBaseUrl, string serviceUrl, string conversationId, string meetingId, Recorder recorder)
    {
        _http = http;
        _messages = new Uri(botBaseUrl + "/api/messages");
        _serviceUrl = serviceUrl;
        _conversationId = conversationId;
        _meetingId = meetingId;
        _recorder = recorder;
    }

    public static void LoadFixtures()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        foreach (var name in new[] { "groupchat-conversationUpdate-botAdded", "groupchat-message-mention", "groupchat-invoke-adaptiveCardAction" })
        {
            Fixtures[name] = File.ReadAllText(Path.Combine(dir, name + ".json"));
        }
    }

    private JsonObject Activity(string fixture, (string Id, string Name) user)
    {
        var a = JsonNode.Parse(Fixtures[fixture])!.AsObject();
        a["serviceUrl"] = _serviceUrl;
        a["id"] = $"bench-{Interlocked.Increment(ref _counter)}";
        a["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        a["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name };
        a["conversation"]!["id"] = _conversationId;
        a["conversation"]!["conversationType"] = "groupChat";
        a["conversation"]!["tenantId"] = "72f988bf-0000-0000-0000-000000000001";
        a["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = "72f988bf-0000-0000-0000-000000000001" },
            ["meeting"] = new JsonObject { ["id"] = _meetingId },
        };
        a["locale"] = "nl-NL";
        a.Remove("entities");
        return a;
    }

    public async Task InstallAsync((string Id, string Name) user, CancellationToken ct)
    {
        var a = Activity("groupchat-conversationUpdate-botAdded", user);
        await PostAsync("conversationUpdate", "message", a, ct);
    }

    /// <summary>"@MdoBot {text}" typed in the chat.</summary>
    public async Task SayAsync((string Id, string Name) user, string text, CancellationToken ct)
    {
        var a = Activity("groupchat-message-mention", user);
        a["text"] = "<at>MdoBot</at> " + text;
        a["entities"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>MdoBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = (string?)a["recipient"]!["id"], ["name"] = "MdoBot" },
            },
        };
        await PostAsync("message '" + text + "'", "message", a, ct);
    }

    /// <summary>Presses an Action.Execute button (card data merged with the input values); returns the invoke response body.</summary>
    public async Task<JsonNode?> InvokeAsync((string Id, string Name) user, JsonObject data, CancellationToken ct)
    {
        var body = await PostAsync((string?)data["verb"] ?? "?", "invoke", InvokeActivity(user, data), ct);
        return body.Length == 0 ? null : JsonNode.Parse(body);
    }

    /// <summary>The invoke activity of an Action.Execute press, not sent (the hot-path phase sends its own copies).</summary>
    public JsonObject InvokeActivity((string Id, string Name) user, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var a = Activity("groupchat-invoke-adaptiveCardAction", user);
        a["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)data["verb"] ?? "?", ["data"] = data },
        };
        return a;
    }

    private async Task<string> PostAsync(string label, string group, JsonObject activity, CancellationToken ct)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        var start = Stopwatch.GetTimestamp();
        using var response = await _http.PostAsync(_messages, content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var elapsed = Stopwatch.GetElapsedTime(start);
        _recorder.Add(group, label, start, elapsed.TotalMilliseconds);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchStepException($"{label}: HTTP {(int)response.StatusCode} {body}");
        }

        return body;
    }
}

public sealed class BenchStepException(string message) : Exception(message);
