using System.Text.Json.Nodes;
using MdoBot.BotFramework.Cards;
using MdoBot.Testing;
using NJsonSchema;

namespace MdoBot.Teams.Tests.Cards;

/// <summary>
/// Golden-JSON comparison (structural) and validation against ../shared/schemas/adaptive-card-1.5.json.
/// Set UPDATE_GOLDEN=1 to rewrite the expected files after an intended change.
/// </summary>
public static class CardAssert
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(SharedPaths.Schema("adaptive-card-1.5.json"))).GetAwaiter().GetResult());

    private static string GoldenDir => Path.Combine(SharedPaths.RepoRoot, "tests", "MdoBot.Teams.Tests", "Cards", "Golden");

    public static void MatchesGolden(AdaptiveCard card, string name)
    {
        var actual = CardJson.ToNode(card);
        var path = Path.Combine(GoldenDir, name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, CardJson.Serialize(card, indented: true) + "\n");
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing (run with UPDATE_GOLDEN=1 once and review it).");
        var expected = JsonNode.Parse(File.ReadAllText(path));
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"Card differs from {name}.json:\n{CardJson.Serialize(card, indented: true)}");
    }

    /// <summary>Validates against the Adaptive Card 1.5 schema; only Teams' <c>msteams</c> extension is allowed on top.</summary>
    public static void IsValidAdaptiveCard(AdaptiveCard card)
    {
        var node = CardJson.ToNode(card);
        Assert.Equal("1.5", (string?)node["version"]);
        StripTeamsExtensions(node);
        var errors = Schema.Value.Validate(node.ToJsonString());
        Assert.True(errors.Count == 0, "Schema errors: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
        Assert.True(node.ToJsonString().Length < 28 * 1024, "Card is over 28 KB.");
    }

    /// <summary>
    /// Removes exactly the Teams-only parts the public schema does not know: the <c>msteams</c>
    /// property, and <c>Chart.*</c> elements, which are replaced by their fallback (validated instead).
    /// </summary>
    private static bool IsChart(JsonNode? n) =>
        n is JsonObject o && ((string?)o["type"])?.StartsWith("Chart.", StringComparison.Ordinal) == true;

    private static void StripTeamsExtensions(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray items when items.Any(IsChart):
                for (var i = 0; i < items.Count; i++)
                {
                    if (IsChart(items[i]))
                    {
                        var fallback = items[i]!["fallback"] ?? throw new Xunit.Sdk.XunitException("A chart needs a fallback element.");
                        items[i] = fallback.DeepClone();
                    }
                }

                StripTeamsExtensions(items);
                break;
            case JsonObject obj:
                obj.Remove("msteams");
                foreach (var child in obj.Select(p => p.Value).ToList())
                {
                    StripTeamsExtensions(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    StripTeamsExtensions(child);
                }

                break;
        }
    }
}
