using System.Text.Json.Nodes;

namespace MdoBot.EndToEnd.Tests.Harness;

/// <summary>Language-neutral questions about MdoBot's cards as the Playground shows them (verbs, mentions, colours).</summary>
public static class MdoCardQueries
{
    /// <summary>True when the card has an Action.Execute with this verb (anywhere: actions, ActionSets, ShowCards).</summary>
    public static bool HasVerb(this PlaygroundMessage message, string verb)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.CardActions.Any(a => (string?)a["verb"] == verb);
    }

    /// <summary>The ids of the users the card @mentions (<c>msteams.entities</c>).</summary>
    public static IEnumerable<string> MentionedIds(this PlaygroundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (message.Card?["msteams"]?["entities"] as JsonArray)?.OfType<JsonObject>()
            .Where(e => (string?)e["type"] == "mention")
            .Select(e => (string?)e["mentioned"]?["id"] ?? string.Empty) ?? [];
    }

    /// <summary>
    /// How the card's title is marked: the style of the container around it, else the <c>color</c> of its first
    /// TextBlock (MdoBot: "warning" for the time warning, "attention" for time up).
    /// </summary>
    public static string? TitleColor(this PlaygroundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var first = (message.Card?["body"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        if ((string?)first?["type"] == "Container" && (string?)first["style"] is { } style)
        {
            return style;
        }

        return (string?)(message.Card?["body"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(b => (string?)b["type"] == "TextBlock")?["color"];
    }

    /// <summary>The whole card as JSON text, for "mentions this somewhere" checks.</summary>
    public static string CardJson(this PlaygroundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Card?.ToJsonString() ?? string.Empty;
    }

    /// <summary>
    /// The card of an invoke answer as if it were the message <paramref name="shownOn"/> (same message id and
    /// conversation): the Playground replaces the stored card with the answer but sends no websocket frame, so
    /// the next press must use the answer's action data (e.g. the agenda editor's new <c>agendaVersion</c>).
    /// </summary>
    public static PlaygroundMessage AsMessage(this InvokeResult answer, PlaygroundMessage shownOn)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(shownOn);
        var card = answer.Card ?? throw new InvalidOperationException($"The invoke answer has no card: {answer.HttpStatus} {answer.Body?.ToJsonString()}");
        return new PlaygroundMessage(-1, "invokeAnswer", new JsonObject
        {
            ["actionConversationId"] = shownOn.ConversationId,
            ["message"] = new JsonObject
            {
                ["messageId"] = shownOn.MessageId,
                ["postConversationId"] = shownOn.PostConversationId,
                ["from"] = shownOn.Message?["from"]?.DeepClone(),
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["contentType"] = PlaygroundMessage.AdaptiveCardType,
                    ["content"] = card.DeepClone(),
                }),
            },
        });
    }
}
