using System.Text.Json.Nodes;
using MdoBot.BotFramework.Cards;

namespace MdoBot.Teams.Tests.Cards.Mdo;

/// <summary>Walks a serialized card: its Action.Execute objects and the texts a user can see.</summary>
internal static class MdoCardJson
{
    private static readonly HashSet<string> VisibleKeys = ["text", "title", "label", "placeholder", "fallbackText", "speak", "errorMessage"];

    public static JsonObject Node(AdaptiveCard card) => CardJson.ToNode(card);

    public static List<JsonObject> ExecuteActions(AdaptiveCard card) =>
        [.. Objects(Node(card)).Where(o => (string?)o["type"] == "Action.Execute")];

    /// <summary>Texts shown to users: text, titles, labels, placeholders, fact values (not input values, choice values, data or msteams).</summary>
    public static List<string> VisibleTexts(AdaptiveCard card)
    {
        var texts = new List<string>();
        Collect(Node(card), parentKey: null, texts);
        return texts;
    }

    /// <summary>All TextBlock texts, in document order.</summary>
    public static List<string> TextBlocks(AdaptiveCard card) =>
        [.. Objects(Node(card)).Where(o => (string?)o["type"] == "TextBlock").Select(o => (string)o["text"]!)];

    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.Select(p => p.Value).SelectMany(Objects))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Objects))
                {
                    yield return child;
                }

                break;
        }
    }

    private static void Collect(JsonNode? node, string? parentKey, List<string> texts)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key is "data" or "msteams")
                    {
                        continue;
                    }

                    var visible = VisibleKeys.Contains(key) || (key == "value" && parentKey == "facts");
                    if (visible && value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        texts.Add(s);
                    }
                    else
                    {
                        Collect(value, key, texts);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, parentKey, texts);
                }

                break;
        }
    }
}
