using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.Teams.Tests.Connector;

/// <summary>
/// A stored activity sent as it is, only addressed: the same JSON object as reading it into an activity, setting its
/// address and writing it again (the outbox's former way), whatever the activity holds.
/// </summary>
public sealed class ActivityJsonTests
{
    private const string CardActivity = """
        {"type":"message","id":"stored-id","from":{"id":"28:stored-bot","name":"MdoBot"},"conversation":{"id":"old","tenantId":"t"},
         "attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5",
         "body":[{"type":"TextBlock","text":"Zorgen over \"slapen\" — \u00e9\u00e9n \ud83d\ude00 <b> & é","wrap":true}],
         "refresh":{"userIds":["29:a","29:b"]}}}],"channelData":{"notification":{"alert":false}},"locale":"nl-NL",
         "value":[1,2.5e3,-0,true,false,null,"x"],"na\u006De":"escaped name"}
        """;

    public static TheoryData<string, string?, string?> Cases => new()
    {
        { CardActivity, "act-9", "28:bot" },          // an update: id replaced, from kept
        { CardActivity, null, "28:bot" },             // a post: stored id kept
        { """{"type":"message","text":"hoi"}""", null, "28:bot" }, // no from: the bot's
        { """{"type":"message","from":null,"text":"hoi"}""", "act-1", "28:bot" }, // a null from: the bot's
        { """{"type":"message","text":"hoi"}""", null, null },     // no bot id known: no from
        { """{ "type" : "message" , "conversation" : null , "id" : "x" }""", "act-2", null }, // whitespace, a null conversation
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Addressed_SameObjectAsReadSetAndWrittenAgain(string stored, string? activityId, string? botId)
    {
        var spliced = JsonNode.Parse(ActivityJson.Addressed(stored, "19:meeting_x@thread.v2", activityId, botId).Utf8);

        var activity = JsonSerializer.Deserialize<Activity>(stored, ProtocolJson.Options)!;
        activity.Id = activityId ?? activity.Id;
        activity.Conversation = new ConversationAccount { Id = "19:meeting_x@thread.v2" };
        activity.From ??= botId is null ? null : new ChannelAccount { Id = botId };
        var typed = JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options));

        Assert.True(JsonNode.DeepEquals(Normalized(typed), Normalized(spliced)), $"typed: {typed?.ToJsonString()}\nspliced: {spliced?.ToJsonString()}");
    }

    [Fact]
    public void Addressed_NonAsciiText_KeptByteForByte()
    {
        var bytes = ActivityJson.Addressed(CardActivity, "c", "a", null).Utf8;
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("Zorgen over \\\"slapen\\\" — \\u00e9\\u00e9n \\ud83d\\ude00 <b> & é", text, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(text, "\"conversation\""));
        Assert.Equal(1, CountOf(text, "\"id\":\"a\""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("""{"type":"message","text":"cut""")]
    [InlineData("""{"type":"message"}{"type":"message"}""")]
    [InlineData("""{"type":"message",}""")]
    [InlineData("""{"type":message}""")]
    public void Addressed_NotOneJsonObject_JsonException(string stored) =>
        Assert.ThrowsAny<JsonException>(() => ActivityJson.Addressed(stored, "c", "a", "b"));

    [Fact]
    public void Addressed_NestedTooDeep_JsonException()
    {
        var deep = "{\"v\":" + new string('[', 70) + new string(']', 70) + "}";
        Assert.ThrowsAny<JsonException>(() => ActivityJson.Addressed(deep, "c", null, null));
    }

    /// <summary>Objects with their properties sorted (JSON does not order them), numbers compared by value.</summary>
    private static JsonNode? Normalized(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Normalized(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Normalized)]),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(v.GetValue<double>()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
