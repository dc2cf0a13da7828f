using System.Text.Json.Nodes;
using MdoBot.Testing;

namespace MdoBot.Web.Tests;

/// <summary>
/// Builds activities in one Teams meeting chat as different users, from the real Playground captures
/// (ids, tenant and channelData kept as Teams sends them), and reads MdoBot's cards back.
/// </summary>
public sealed class MeetingChat(BotApp app, string conversationId = "19:meeting_mdotest@thread.v2", string meetingId = "MCMxOTptZWV0aW5nX21kb3Rlc3Q")
{
    private int _counter;

    public static readonly (string Id, string Name) Chair = ("29:chair-anna", "Anna de Vries");
    public static readonly (string Id, string Name) Nurse = ("29:nurse-bram", "Bram Jansen");
    public static readonly (string Id, string Name) Social = ("29:social-carla", "Carla Smit");

    public string ConversationId => conversationId;

    /// <summary>The Teams client locale per user id; users not listed send nl-NL.</summary>
    public Dictionary<string, string> Locales { get; } = [];

    public string MeetingId => meetingId;

    public void RegisterMembers() =>
        app.Connector.Members[conversationId] = [.. new[] { Chair, Nurse, Social }.Select(u => (object)new { id = u.Id, name = u.Name })];

    /// <summary>The three members with the addresses Teams' member list gives (e-mail, or only a user principal name).</summary>
    public void RegisterMembers(string chairEmail, string nurseEmail, string socialUserPrincipalName) =>
        app.Connector.Members[conversationId] =
        [
            new { id = Chair.Id, name = Chair.Name, email = chairEmail },
            new { id = Nurse.Id, name = Nurse.Name, email = nurseEmail },
            new { id = Social.Id, name = Social.Name, userPrincipalName = socialUserPrincipalName },
        ];

    public JsonObject Activity(string fixture, (string Id, string Name) user, string? id = null)
    {
        var a = app.Fixture(fixture);
        a["id"] = id ?? $"act-{Interlocked.Increment(ref _counter)}";
        a["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name };
        a["conversation"]!["id"] = conversationId;
        a["conversation"]!["conversationType"] = "groupChat";
        a["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = "72f988bf-0000-0000-0000-000000000001" },
            ["meeting"] = new JsonObject { ["id"] = meetingId },
        };
        a["conversation"]!["tenantId"] = "72f988bf-0000-0000-0000-000000000001";
        a["locale"] = Locales.TryGetValue(user.Id, out var locale) ? locale : "nl-NL";
        a.Remove("entities");
        return a;
    }

    public Task<HttpResponseMessage> InstallAsync() => app.PostAsync(Activity("groupchat-conversationUpdate-botAdded", Chair));

    public Task<HttpResponseMessage> SayAsync((string Id, string Name) user, string text, params (string Id, string Name)[] mentions) =>
        app.PostAsync(MentionMessage(user, text, null, mentions));

    /// <summary>A typed command with an @mention of MdoBot (and of <paramref name="mentions"/>).</summary>
    public JsonObject MentionMessage((string Id, string Name) user, string text, string? id, params (string Id, string Name)[] mentions)
    {
        var a = Activity("groupchat-message-mention", user, id);
        a["text"] = "<at>MdoBot</at> " + text;
        var entities = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "mention", ["text"] = "<at>MdoBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = (string?)a["recipient"]!["id"], ["name"] = "MdoBot" },
            },
        };
        foreach (var m in mentions)
        {
            entities.Add(new JsonObject { ["type"] = "mention", ["text"] = $"<at>{m.Name}</at>", ["mentioned"] = new JsonObject { ["id"] = m.Id, ["name"] = m.Name } });
        }

        a["entities"] = entities;
        return a;
    }

    /// <summary>Presses an Action.Execute button: the card's data merged with input values.</summary>
    public async Task<JsonNode?> InvokeAsync((string Id, string Name) user, JsonObject data, string? activityId = null)
    {
        var response = await app.PostAsync(InvokeActivity(user, data, activityId));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public JsonObject InvokeActivity((string Id, string Name) user, JsonObject data, string? activityId = null)
    {
        var a = Activity("groupchat-invoke-adaptiveCardAction", user, activityId);
        a["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)data["verb"], ["data"] = data.DeepClone() },
        };
        return a;
    }

    /// <summary>The data of the first Action.Execute with this verb on a card (searching nested cards too).</summary>
    public static JsonObject ActionData(JsonNode card, string verb, Func<JsonObject, bool>? match = null) =>
        FindActions(card).FirstOrDefault(a => (string?)a["verb"] == verb && (match?.Invoke(a["data"]!.AsObject()) ?? true))?["data"]?.DeepClone().AsObject()
        ?? throw new InvalidOperationException($"No {verb} action on card: {card.ToJsonString()}");

    private static IEnumerable<JsonObject> FindActions(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Execute" => [o, .. o.SelectMany(p => FindActions(p.Value))],
        JsonObject o => o.SelectMany(p => FindActions(p.Value)),
        JsonArray arr => arr.SelectMany(FindActions),
        _ => [],
    };

    public static string Text(JsonNode? card) => card?.ToJsonString(Relaxed) ?? string.Empty;

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

