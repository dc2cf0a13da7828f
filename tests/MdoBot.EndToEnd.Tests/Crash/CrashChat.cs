using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MdoBot.Testing;

namespace MdoBot.EndToEnd.Tests.Crash;

/// <summary>
/// Activities in one Teams meeting chat, shaped as Teams sends them (as in the captured fixtures of
/// MdoBot.Web.Tests): each with a fixed id, so that a delivery that was not acknowledged can be sent
/// again with the same id, as the Bot Connector does.
/// </summary>
internal sealed class CrashChat(string serviceUrl, string conversationId = "19:meeting_crashtest@thread.v2", string meetingId = "MCMxOTptZWV0aW5nX2NyYXNodGVzdA")
{
    public const string TenantId = "72f988bf-0000-0000-0000-000000000001";

    public static readonly (string Id, string Name) Bot = ("28:11111111-2222-3333-4444-555555555555", "MdoBot");
    public static readonly (string Id, string Name) Chair = ("29:chair-anna", "Anna de Vries");
    public static readonly (string Id, string Name) Nurse = ("29:nurse-bram", "Bram Jansen");
    public static readonly (string Id, string Name) Social = ("29:social-carla", "Carla Smit");

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ConversationId => conversationId;

    public void RegisterMembers(FakeBotConnector connector) =>
        connector.Members[conversationId] = [.. new[] { Chair, Nurse, Social }.Select(u => (object)new { id = u.Id, name = u.Name })];

    public JsonObject Install(string id)
    {
        var a = Base("conversationUpdate", Chair, id);
        a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Bot.Id });
        return a;
    }

    public JsonObject Say((string Id, string Name) user, string text, string id)
    {
        var a = Base("message", user, id);
        a["text"] = "<at>MdoBot</at> " + text;
        a["textFormat"] = "plain";
        a["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>MdoBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = Bot.Id, ["name"] = Bot.Name },
        });
        return a;
    }

    /// <summary>A press on an Action.Execute button: the card's data merged with input values.</summary>
    public JsonObject Invoke((string Id, string Name) user, JsonObject data, string id)
    {
        var a = Base("invoke", user, id);
        a["name"] = "adaptiveCard/action";
        a["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)data["verb"], ["data"] = data.DeepClone() },
        };
        return a;
    }

    private JsonObject Base(string type, (string Id, string Name) user, string id) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name },
        ["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "groupChat",
            ["tenantId"] = TenantId,
            ["id"] = conversationId,
        },
        ["recipient"] = new JsonObject { ["id"] = Bot.Id, ["name"] = Bot.Name },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["meeting"] = new JsonObject { ["id"] = meetingId },
        },
        ["locale"] = "nl-NL",
    };

    /// <summary>The data of the first Action.Execute with this verb on a card (nested cards included).</summary>
    public static JsonObject ActionData(JsonNode card, string verb) =>
        TryActionData(card, verb) ?? throw new InvalidOperationException($"No {verb} action on card: {Text(card)}");

    public static JsonObject? TryActionData(JsonNode? card, string verb) =>
        FindActions(card).FirstOrDefault(a => (string?)a["verb"] == verb)?["data"]?.DeepClone().AsObject();

    public static bool HasVerb(JsonNode? card, string verb) => FindActions(card).Any(a => (string?)a["verb"] == verb);

    /// <summary>The text of the card's first TextBlock.</summary>
    public static string Title(JsonNode? card) =>
        (card?["body"] as JsonArray)?.OfType<JsonObject>().Select(b => (string?)b["text"]).FirstOrDefault(t => t is not null) ?? string.Empty;

    public static string Text(JsonNode? node) => node?.ToJsonString(Relaxed) ?? string.Empty;

    private static IEnumerable<JsonObject> FindActions(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Execute" => [o, .. o.SelectMany(p => FindActions(p.Value))],
        JsonObject o => o.SelectMany(p => FindActions(p.Value)),
        JsonArray arr => arr.SelectMany(FindActions),
        _ => [],
    };
}
