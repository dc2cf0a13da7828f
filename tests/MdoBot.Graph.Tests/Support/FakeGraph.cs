using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MdoBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MdoBot.Graph.Tests.Support;

/// <summary>A scripted answer: status, optional JSON body and Retry-After header.</summary>
internal sealed record ScriptedReply(int Status, string? Body = null, string? RetryAfter = null)
{
    /// <summary>A Graph error body; the message quotes personal data on purpose, like real Graph can.</summary>
    public static ScriptedReply Error(int status, string code, string? retryAfter = null) => new(
        status,
        JsonSerializer.Serialize(new { error = new { code, message = $"Failed for {FakeGraph.LeakyText}" } }),
        retryAfter);
}

/// <summary>One request the fake received.</summary>
internal sealed record GraphRequest(
    string Method, string Path, string Query, string? ContentType, string? Authorization, string Body, DateTimeOffset At)
{
    public string? QueryValue(string name) => QueryHelpers(Query).TryGetValue(name, out var value) ? value : null;

    private static Dictionary<string, string> QueryHelpers(string query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).ToDictionary(p => p.Key, p => p.Value.ToString());
}

/// <summary>
/// A small Microsoft Graph on 127.0.0.1 that speaks the real wire format of the calls MdoBot makes:
/// <c>POST /v1.0/users/{sender}/sendMail</c> (JSON or base64 MIME, checked like Graph does: 400 when
/// malformed), <c>GET .../onlineMeetings?$filter=JoinWebUrl eq '...'</c>, <c>.../attendanceReports</c> and
/// <c>.../attendanceReports/{id}?$expand=attendanceRecords</c>. Scripted replies come first, in order.
/// </summary>
internal sealed class FakeGraph : IAsyncDisposable
{
    /// <summary>Text the fake puts into error messages: it must never reach our logs or results.</summary>
    public const string LeakyText = "leaky.parent@example.org";

    private readonly ConcurrentQueue<ScriptedReply> _script = new();
    private readonly List<GraphRequest> _requests = [];
    private readonly TimeProvider _time;
    private LocalHttpServer _server = null!;

    private FakeGraph(TimeProvider time) => _time = time;

    public string BaseUrl => _server.BaseUrl + "v1.0";

    /// <summary>Answer for every request once the script is used up (null = the normal behaviour).</summary>
    public ScriptedReply? Fallback { get; set; }

    /// <summary>Join URL → onlineMeeting id, for the <c>$filter</c> lookup.</summary>
    public Dictionary<string, string> Meetings { get; } = [];

    /// <summary>onlineMeeting id → its attendance reports.</summary>
    public Dictionary<string, List<FakeReport>> Reports { get; } = [];

    public IReadOnlyList<GraphRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeGraph> StartAsync(TimeProvider? time = null)
    {
        var fake = new FakeGraph(time ?? TimeProvider.System);
        fake._server = await LocalHttpServer.StartAsync(app => app.Run(fake.HandleAsync));
        return fake;
    }

    public void Enqueue(params ScriptedReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = new GraphRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.ContentType,
            context.Request.Headers.Authorization.ToString(),
            await context.Request.ReadBodyAsync(),
            _time.GetUtcNow());
        lock (_requests)
        {
            _requests.Add(request);
        }

        var reply = _script.TryDequeue(out var scripted) ? scripted : Fallback ?? Answer(request);
        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body);
        }
    }

    private ScriptedReply Answer(GraphRequest request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (request.Authorization != "Bearer " + StaticTokenCredential.Token)
        {
            return ScriptedReply.Error(401, "InvalidAuthenticationToken");
        }

        return segments switch
        {
            ["v1.0", "users", _, "sendMail"] when request.Method == "POST" => CheckSendMail(request),
            ["v1.0", "users", _, "onlineMeetings"] when request.Method == "GET" => FindMeeting(request),
            ["v1.0", "users", _, "onlineMeetings", var id, "attendanceReports"] => ListReports(id),
            ["v1.0", "users", _, "onlineMeetings", var id, "attendanceReports", var reportId] => GetReport(request, id, reportId),
            _ => ScriptedReply.Error(404, "ResourceNotFound"),
        };
    }

    /// <summary>Graph's own checks: JSON needs a message with recipients; MIME must be base64 of a message with a To.</summary>
    private static ScriptedReply CheckSendMail(GraphRequest request)
    {
        if (request.ContentType?.StartsWith("text/plain", StringComparison.Ordinal) == true)
        {
            try
            {
                var mime = Encoding.UTF8.GetString(Convert.FromBase64String(request.Body));
                return mime.Contains("\r\nTo: ", StringComparison.Ordinal) || mime.StartsWith("To: ", StringComparison.Ordinal)
                    ? new ScriptedReply(202)
                    : ScriptedReply.Error(400, "ErrorMimeContentInvalid");
            }
            catch (FormatException)
            {
                return ScriptedReply.Error(400, "ErrorMimeContentInvalidBase64String");
            }
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return ScriptedReply.Error(415, "UnsupportedMediaType");
        }

        // Graph binds action parameters case-insensitively; the SDK writes "Message" and "SaveToSentItems".
        var json = JsonNode.Parse(request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true });
        return json?["message"]?["toRecipients"]?.AsArray().Count > 0 ? new ScriptedReply(202) : ScriptedReply.Error(400, "ErrorInvalidRecipients");
    }

    private ScriptedReply FindMeeting(GraphRequest request)
    {
        var filter = request.QueryValue("$filter") ?? "";
        const string prefix = "JoinWebUrl eq '";
        if (!filter.StartsWith(prefix, StringComparison.Ordinal) || !filter.EndsWith('\''))
        {
            return ScriptedReply.Error(400, "BadRequest");
        }

        var url = filter[prefix.Length..^1].Replace("''", "'", StringComparison.Ordinal);
        var found = Meetings.TryGetValue(url, out var id) ? new[] { new { id, joinWebUrl = url } } : [];
        return Ok(new { value = found });
    }

    private ScriptedReply ListReports(string meetingId) =>
        Reports.TryGetValue(meetingId, out var reports)
            ? Ok(new { value = reports.Select(r => r.Summary()) })
            : ScriptedReply.Error(404, "NotFound");

    private ScriptedReply GetReport(GraphRequest request, string meetingId, string reportId)
    {
        var report = Reports.GetValueOrDefault(meetingId)?.FirstOrDefault(r => r.Id == reportId);
        if (report is null)
        {
            return ScriptedReply.Error(404, "NotFound");
        }

        var summary = report.Summary();
        if (request.QueryValue("$expand") == "attendanceRecords")
        {
            summary["attendanceRecords"] = new JsonArray([.. report.Records.Select(r => (JsonNode)new JsonObject
            {
                ["identity"] = new JsonObject { ["displayName"] = r.Name, ["id"] = Guid.NewGuid().ToString() },
                ["role"] = r.Role,
                ["totalAttendanceInSeconds"] = r.Seconds,
                ["emailAddress"] = r.Name.Replace(' ', '.') + "@example.org",
            })]);
        }

        return new ScriptedReply(200, summary.ToJsonString());
    }

    private static ScriptedReply Ok(object body) => new(200, JsonSerializer.Serialize(body));
}

internal sealed record FakeRecord(string Name, string Role, int Seconds);

internal sealed record FakeReport(string Id, DateTimeOffset Start, DateTimeOffset End, params FakeRecord[] Records)
{
    public JsonObject Summary() => new()
    {
        ["id"] = Id,
        ["meetingStartDateTime"] = Start.ToString("O"),
        ["meetingEndDateTime"] = End.ToString("O"),
        ["totalParticipantCount"] = Records.Length,
    };
}
