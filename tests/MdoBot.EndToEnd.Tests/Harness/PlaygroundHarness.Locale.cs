using System.Text.Json.Nodes;

namespace MdoBot.EndToEnd.Tests.Harness;

/// <summary>Acting as another user with another Teams client locale (the Playground itself always reports en-US).</summary>
public sealed partial class PlaygroundHarness
{
    /// <summary>
    /// Presses Action.Execute <paramref name="verb"/> on <paramref name="card"/> as <paramref name="from"/> with a client
    /// in <paramref name="locale"/>: an <c>adaptiveCard/action</c> invoke posted as a custom activity. The Playground drops
    /// the bot's invoke answer on that path; what everyone sees (card updates) arrives on the websocket as usual.
    /// </summary>
    public Task InvokeWithLocaleAsync(PlaygroundMessage card, string verb, PlaygroundUser from, string locale, IReadOnlyDictionary<string, JsonNode?>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var data = card.FindAction(verb)["data"] is JsonObject d ? (JsonObject)d.DeepClone() : new JsonObject();
        foreach (var (key, value) in inputs ?? new Dictionary<string, JsonNode?>())
        {
            data[key] = value?.DeepClone();
        }

        return SendCustomActivityAsync(card.MessageConversationId, a =>
        {
            a["type"] = "invoke";
            a["name"] = "adaptiveCard/action";
            a["replyToId"] = card.MessageId;
            a["locale"] = locale;
            a["entities"] = new JsonArray(ClientInfo(locale));
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        }, from);
    }

    private static JsonObject ClientInfo(string locale) =>
        new() { ["type"] = "clientInfo", ["locale"] = locale, ["country"] = locale.Length >= 5 ? locale[3..5] : "US", ["platform"] = "Web", ["timezone"] = "UTC" };
}
