using System.Text.Json.Nodes;

namespace MdoBot.EndToEnd.Tests.Harness;

/// <summary>A user (or the bot) of the Playground's mock tenant.</summary>
public sealed record PlaygroundUser(string Id, string Name, string? AadObjectId, string? Email)
{
    /// <summary>The mention tag Teams puts in message text: <c>&lt;at&gt;Name&lt;/at&gt;</c>.</summary>
    public string At => $"<at>{Name}</at>";
}

/// <summary>
/// The mock tenant the running Playground serves, read from its <c>GET /_internal/v1/testConfig</c>
/// (i.e. playground/.m365agentsplayground.yml after the Playground's own normalization).
/// </summary>
public sealed record PlaygroundConfig(
    string TenantId,
    PlaygroundUser Bot,
    PlaygroundUser CurrentUser,
    IReadOnlyList<PlaygroundUser> Users,
    string PersonalChatId,
    string GroupChatId,
    string GroupChatName,
    string TeamId,
    string TeamName,
    IReadOnlyList<(string Id, string Name)> Channels,
    string Locale)
{
    /// <summary>The team's General channel: its conversation id is the team id.</summary>
    public string GeneralChannelId => TeamId;

    /// <summary>The one extra channel from the yml (not General).</summary>
    public string ChannelId => Channels.First(c => c.Id != TeamId).Id;

    /// <summary>Current user first, then the five other users.</summary>
    public IEnumerable<PlaygroundUser> Everyone => Users.Prepend(CurrentUser);

    public PlaygroundUser User(string nameOrId) =>
        Everyone.FirstOrDefault(u => u.Id == nameOrId || string.Equals(u.Name, nameOrId, StringComparison.OrdinalIgnoreCase)
            || u.Name.StartsWith(nameOrId + " ", StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No Playground user '{nameOrId}'. Known: {string.Join(", ", Everyone.Select(u => u.Name))}", nameof(nameOrId));

    public static PlaygroundConfig Parse(JsonNode testConfig)
    {
        ArgumentNullException.ThrowIfNull(testConfig);
        var config = testConfig["config"] ?? throw new FormatException("testConfig has no 'config'.");
        var group = config["groupChats"]![0]!;
        var team = config["teams"]![0]!;
        return new PlaygroundConfig(
            (string)config["tenantId"]!,
            new PlaygroundUser((string)config["bot"]!["id"]!, (string)config["bot"]!["name"]!, null, null),
            ToUser(config["currentUser"]!),
            config["users"]!.AsArray().Select(u => ToUser(u!)).ToList(),
            (string)config["personalChat"]!["id"]!,
            (string)group["id"]!,
            (string)group["name"]!,
            (string)team["id"]!,
            (string)team["name"]!,
            team["channels"]!.AsArray().Select(c => ((string)c!["id"]!, (string)c["name"]!)).ToList(),
            (string?)testConfig["internalConfig"]?["locale"] ?? "en-US");
    }

    private static PlaygroundUser ToUser(JsonNode node) =>
        new((string)node["id"]!, (string)node["name"]!, (string?)node["aadObjectId"], (string?)node["email"]);
}
