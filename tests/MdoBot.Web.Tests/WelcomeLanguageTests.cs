using System.Text.Json.Nodes;
using MdoBot.Web.Tests.Security;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

/// <summary>
/// Install events carry no locale: the welcome card is in the conversation's language once known (its MDO's language,
/// else the chat's known locale) and offers the switch, which for an open MDO is the chair's language command.
/// </summary>
public sealed class WelcomeLanguageTests : IAsyncLifetime
{
    private BotApp _app = null!;
    private MeetingChat _chat = null!;
    private MdoScenario _mdo = null!;

    public async Task InitializeAsync()
    {
        _app = await SecurityKit.StartAsync();
        _chat = new MeetingChat(_app);
        _chat.RegisterMembers();
        _mdo = new MdoScenario(_app, _chat);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>MdoBot added to the chat, as Teams sends it: no locale, no clientInfo.</summary>
    private async Task<JsonNode> InstallAsync(string action = "add")
    {
        var install = _chat.Activity("groupchat-installationUpdate", Chair);
        install.Remove("locale");
        install["action"] = action;
        await _app.PostAsync(install);
        return action == "add" ? await _mdo.NextChatCardAsync(CardVerbs("language.choose")) : install;
    }

    private static string CardVerbs(string verb) => $"\"verb\":\"{verb}\"";

    [Fact]
    public async Task Reinstall_MdoHeldInEnglish_WelcomeInEnglishWithDutchSwitch()
    {
        await InstallAsync();
        _chat.Locales[Chair.Id] = "en-US";
        await _chat.SayAsync(Nurse, "help"); // the chat's first known locale is Dutch
        await _mdo.OpenEditorAsync(); // the MDO is in the English chair's language
        await InstallAsync("remove");

        var welcome = await InstallAsync();

        Assert.Equal("en", (string?)welcome["lang"]);
        Assert.Contains("Welcome to MdoBot", Text(welcome), StringComparison.Ordinal);
        Assert.Equal("nl", (string?)ActionData(welcome, "language.choose")["language"]);
        Assert.Contains("\"title\":\"Nederlands\"", Text(welcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switch_NoMdoYet_WelcomeShownInEnglishAndChatRemembersIt()
    {
        var welcome = await InstallAsync();
        Assert.Equal("nl", (string?)welcome["lang"]);
        _chat.Locales[Nurse.Id] = "nl-NL";

        var answer = await _chat.InvokeAsync(Nurse, ActionData(welcome, "language.choose"));

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer!["type"]);
        Assert.Equal("en", (string?)answer["value"]!["lang"]);
        Assert.Contains("Welcome to MdoBot", Text(answer), StringComparison.Ordinal);
        await InstallAsync("remove");
        Assert.Equal("en", (string?)(await InstallAsync())["lang"]); // a locale-less event now gets the chat's language
    }

    [Fact]
    public async Task Switch_OpenMdoChair_SetsMdoLanguageAndRerendersSharedCards()
    {
        var welcome = await InstallAsync();
        var editor = await _mdo.OpenEditorAsync();
        editor = await _mdo.AddCasesAsync(editor, new CaseFields("Gezin A"));
        await _mdo.StartAsync(editor, "Gezin A");
        await _app.DrainAsync();
        var calls = _app.Connector.Calls.Count;

        var answer = await _chat.InvokeAsync(Chair, ActionData(welcome, "language.choose"));
        await _app.DrainAsync();

        Assert.Equal("en", (string?)answer!["value"]!["lang"]);
        Assert.Contains("\"languageCode\":\"en\"", _app.MdoJson(), StringComparison.Ordinal);
        var updates = _app.Connector.Calls.Skip(calls).Where(c => c.Kind == "update").ToList();
        Assert.Contains(updates, u => u.IsCard("Add action") || u.IsCard("Next case"));
        Assert.All(updates, u => Assert.Equal("en", (string?)u.Card!["lang"]));
    }

    [Fact]
    public async Task Switch_OpenMdoNotChair_RefusedNothingChanged()
    {
        var welcome = await InstallAsync();
        await _mdo.OpenEditorAsync();
        await _app.DrainAsync();
        var before = StateSnapshot.Of(_app);

        var answer = await _chat.InvokeAsync(Social, ActionData(welcome, "language.choose"));

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer!["type"]);
        Assert.Contains("voorzitter", Text(answer), StringComparison.Ordinal);
        Assert.Contains("\"languageCode\":\"nl\"", _app.MdoJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("documents changed", before.Diff(StateSnapshot.Of(_app)));
    }

    [Fact]
    public async Task Switch_UnknownLanguage_ListsSupported()
    {
        var welcome = await InstallAsync();
        var data = ActionData(welcome, "language.choose");
        data["language"] = "fr";

        var answer = await _chat.InvokeAsync(Chair, data);

        Assert.Contains("nl (Nederlands), en (English)", Text(answer), StringComparison.Ordinal);
    }
}
