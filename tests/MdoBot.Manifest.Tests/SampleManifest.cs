using System.Text.Json.Nodes;

namespace MdoBot.Manifest.Tests;

/// <summary>The checked-in manifest with its placeholders replaced by sample values.</summary>
internal static class SampleManifest
{
    public const string TeamsAppId = "3f2b8c1e-6d4a-4e7b-9a35-0c8d2f61b7a4";
    public const string BotId = "a7e41d09-2c5f-4b8e-8f16-5d3c9b0e72af";
    public const string BotDomain = "mdobot.example.org";

    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>
    {
        ["${{TEAMS_APP_ID}}"] = TeamsAppId,
        ["${{BOT_ID}}"] = BotId,
        ["${{BOT_DOMAIN}}"] = BotDomain,
    };

    public static string RawText => File.ReadAllText(ManifestPaths.ManifestFile);

    public static string Text => Substitute(RawText);

    public static JsonNode Load() =>
        JsonNode.Parse(Text) ?? throw new InvalidOperationException("manifest.json is empty.");

    public static string Substitute(string text)
    {
        foreach (var (placeholder, value) in Placeholders)
        {
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }

        return text;
    }
}
