using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MdoBot.Manifest.Tests;

public sealed partial class ManifestContentTests
{
    private static readonly string[] KnownCommands = ["help", "agenda", "start", "next", "close"];

    private readonly JsonNode _manifest = SampleManifest.Load();

    private JsonNode Bot => Assert.Single(_manifest["bots"]!.AsArray())!;

    [Fact]
    public void ResourceSpecificPermissions_Always_IncludeMeetingReadPermissionsAsApplication()
    {
        var permissions = ResourceSpecificPermissions();

        Assert.Contains(("OnlineMeeting.ReadBasic.Chat", "Application"), permissions);
        Assert.Contains(("OnlineMeetingParticipant.Read.Chat", "Application"), permissions);
    }

    [Fact]
    public void ResourceSpecificPermissions_Always_ExcludeChatMessageRead()
    {
        // MdoBot only reads messages that @mention it, so it must not ask for every chat message.
        Assert.DoesNotContain(ResourceSpecificPermissions(), p => p.Name == "ChatMessage.Read.Chat");
    }

    [Fact]
    public void BotScopes_Always_ArePersonalGroupChatAndTeam()
    {
        var scopes = Bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(["groupChat", "personal", "team"], scopes);
    }

    [Fact]
    public void Bot_Flags_SupportFilesFalseAndNotNotificationOnly()
    {
        Assert.False(Bot["supportsFiles"]!.GetValue<bool>());
        Assert.False(Bot["isNotificationOnly"]!.GetValue<bool>());
        Assert.Equal(SampleManifest.BotId, Bot["botId"]!.GetValue<string>());
    }

    [Fact]
    public void CommandLists_EveryCommandTitle_IsAKnownCommand()
    {
        var titles = Bot["commandLists"]!.AsArray()
            .SelectMany(list => list!["commands"]!.AsArray())
            .Select(command => command!["title"]!.GetValue<string>())
            .ToList();

        Assert.NotEmpty(titles);
        Assert.All(titles, title => Assert.Contains(title, KnownCommands));
    }

    [Fact]
    public void CommandLists_EachBotScope_HasAllFiveCommands()
    {
        foreach (var scope in new[] { "personal", "groupChat", "team" })
        {
            var list = Assert.Single(Bot["commandLists"]!.AsArray(), l => l!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == scope))!;
            var titles = list["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>());
            Assert.Equal(KnownCommands.Order(StringComparer.Ordinal), titles.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void WebApplicationInfo_Always_PointsAtBotIdAndDomain()
    {
        var info = _manifest["webApplicationInfo"]!;

        Assert.Equal(SampleManifest.BotId, info["id"]!.GetValue<string>());
        Assert.Equal($"api://{SampleManifest.BotDomain}/botid-{SampleManifest.BotId}", info["resource"]!.GetValue<string>());
        Assert.Equal([SampleManifest.BotDomain], _manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public void RawManifest_Placeholders_AreOnlyTheThreeThatPackageShSubstitutes()
    {
        var found = PlaceholderPattern().Matches(SampleManifest.RawText).Select(m => m.Value).ToHashSet();

        Assert.Equal(SampleManifest.Placeholders.Keys.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Manifest_AfterSubstitution_HasNoStaticTabsAndBothIcons()
    {
        Assert.Null(_manifest["staticTabs"]);
        Assert.Equal("color.png", _manifest["icons"]!["color"]!.GetValue<string>());
        Assert.Equal("outline.png", _manifest["icons"]!["outline"]!.GetValue<string>());
    }

    [Fact]
    public void ConfigurableTab_MeetingPanel_IsAGroupChatTabInAllFourMeetingContextsOnTheBotDomain()
    {
        var tab = Assert.Single(_manifest["configurableTabs"]!.AsArray())!;

        Assert.Equal($"https://{SampleManifest.BotDomain}/panel/config.html", tab["configurationUrl"]!.GetValue<string>());
        Assert.Equal(["groupChat"], tab["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(
            ["meetingChatTab", "meetingDetailsTab", "meetingSidePanel", "meetingStage"],
            tab["context"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Contains(("MeetingStage.Write.Chat", "Delegated"), ResourceSpecificPermissions()); // shareAppContentToStage
    }

    private List<(string Name, string Type)> ResourceSpecificPermissions() =>
        _manifest["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray()
            .Select(p => (p!["name"]!.GetValue<string>(), p["type"]!.GetValue<string>()))
            .ToList();

    [GeneratedRegex(@"\$\{\{[A-Za-z0-9_]+\}\}")]
    private static partial Regex PlaceholderPattern();
}
