using System.Text.Json.Nodes;

namespace MdoBot.EndToEnd.Tests.Harness;

/// <summary>
/// One frame of the Playground's conversation websocket
/// (<c>{action, actionConversationId, message: {messageId, from: {id}, text, attachments, ...}}</c>).
/// </summary>
public sealed record PlaygroundMessage(int Sequence, string Action, JsonObject Raw)
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    /// <summary><c>createMessage</c>, <c>updateMessage</c> or <c>typing</c>.</summary>
    public bool IsCreate => Action == "createMessage";

    public bool IsUpdate => Action == "updateMessage";

    /// <summary>The chat or channel the message is shown in (a channel id for channel posts).</summary>
    public string ConversationId => (string?)Raw["actionConversationId"] ?? string.Empty;

    /// <summary>For a new channel post: the post's own conversation id (<c>channelId;messageid=...</c>).</summary>
    public string? PostConversationId => (string?)Message?["postConversationId"];

    /// <summary>The conversation that holds the message: what invoke/submit on it need.</summary>
    public string MessageConversationId => PostConversationId ?? ConversationId;

    public JsonObject? Message => Raw["message"] as JsonObject;

    /// <summary>The Playground's id of the message (the <c>replyToId</c> for card actions on it).</summary>
    public string MessageId => (string?)Message?["messageId"] ?? string.Empty;

    public string? FromId => (string?)Message?["from"]?["id"];

    public string? Text => (string?)Message?["text"];

    public IEnumerable<JsonObject> Attachments =>
        (Message?["attachments"] as JsonArray)?.OfType<JsonObject>() ?? [];

    /// <summary>The first Adaptive Card's content, if any.</summary>
    public JsonObject? Card =>
        Attachments.FirstOrDefault(a => (string?)a["contentType"] == AdaptiveCardType)?["content"] as JsonObject;

    /// <summary>The card's first TextBlock text (its title by MdoBot's convention).</summary>
    public string? CardTitle => CardTexts.FirstOrDefault();

    /// <summary>All TextBlock texts of the card, depth first.</summary>
    public IEnumerable<string> CardTexts => Card is { } card ? Walk(card["body"]).Where(IsType("TextBlock")).Select(t => (string?)t["text"] ?? string.Empty) : [];

    /// <summary>All actions of the card (card-level actions, ActionSets, selectActions), depth first.</summary>
    public IEnumerable<JsonObject> CardActions => Card is { } card
        ? Walk(card).Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true)
        : [];

    /// <summary>The action with this title or verb (throws with the list of actions when missing).</summary>
    public JsonObject FindAction(string titleOrVerb) =>
        CardActions.FirstOrDefault(a => (string?)a["title"] == titleOrVerb || (string?)a["verb"] == titleOrVerb)
        ?? throw new InvalidOperationException(
            $"Card '{CardTitle}' has no action '{titleOrVerb}'. Actions: {string.Join(", ", CardActions.Select(a => $"{a["title"]} [{a["verb"]}]"))}");

    public override string ToString() =>
        $"#{Sequence} {Action} in {ConversationId} from {FromId}: " + (Card is not null ? $"card '{CardTitle}'" : $"'{Text}'");

    private static Func<JsonObject, bool> IsType(string type) => o => (string?)o["type"] == type;

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Walk(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Walk(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
