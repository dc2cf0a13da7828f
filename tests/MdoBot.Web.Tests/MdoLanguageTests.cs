using System.Text.Json.Nodes;
using MdoBot.Testing;
using MdoBot.Web.Tests.Security;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

/// <summary>
/// One language per MDO: the shared cards keep the MDO's language whoever clicks; answers shown to one person
/// follow that person's Teams locale; a chair switches the language with <c>taal</c> / <c>language</c>.
/// </summary>
public sealed class MdoLanguageTests : IAsyncLifetime
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
        await _chat.InstallAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SharedCards_EnglishChairDutchOwner_StayInTheChairsLanguage()
    {
        _chat.Locales[Chair.Id] = "en-US";
        _chat.Locales[Nurse.Id] = "nl-NL";
        _chat.Locales[Social.Id] = "nl-NL";
        var editor = await _mdo.OpenEditorAsync();
        Assert.Equal("en", (string?)editor["lang"]);
        editor = await _mdo.AddCasesAsync(editor, new CaseFields("Gezin A"));
        var caseCard = await _mdo.StartAsync(editor, "Gezin A");
        var actionCard = await _mdo.AddActionAsync(caseCard, Nurse, "Belt de huisarts");
        Assert.Equal("en", (string?)actionCard["lang"]);

        // The Dutch owner confirms: the card that replaces it for them, and the updates for everyone, stay English.
        var confirmed = await _mdo.ConfirmAsync(actionCard, Nurse);
        Assert.Equal("en", (string?)confirmed!["value"]!["lang"]);
        Assert.Contains("Confirmed by Bram Jansen", Text(confirmed));
        await _app.DrainAsync();
        var updates = _app.Connector.Calls.Where(c => c.Kind == "update" && c.ConversationId == _chat.ConversationId).ToList();
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Equal("en", (string?)u.Card!["lang"]));
        Assert.DoesNotContain(updates, u => u.IsCard("Bevestigd door"));

        // A refusal is shown only to the Dutch participant who pressed the button: in their language.
        var refused = await _chat.InvokeAsync(Social, ActionData(caseCard, "mdo.next"));
        Assert.Contains("Alleen de voorzitter", Text(refused));
    }

    [Fact]
    public async Task NewMdo_UnknownLocale_SharedCardsDutch()
    {
        _chat.Locales[Chair.Id] = "fr-FR";
        var editor = await _mdo.OpenEditorAsync();

        Assert.Equal("nl", (string?)editor["lang"]);
        Assert.Contains("\"languageCode\":\"nl\"", _app.MdoJson());
    }

    [Fact]
    public async Task LanguageCommand_UnknownCode_ListsSupportedAndChangesNothing()
    {
        await _mdo.OpenEditorAsync();
        await _app.DrainAsync();
        var before = StateSnapshot.Of(_app);
        var calls = _app.Connector.Calls.Count;

        await _chat.SayAsync(Chair, "taal klingon");
        var answer = await _mdo.NextCallAsync(c => c.Kind == "send" && c.Title is { } t && t.Contains("nl (Nederlands), en (English)", StringComparison.Ordinal));
        await _app.DrainAsync();

        Assert.StartsWith("Kies een van deze talen", answer.Title, StringComparison.Ordinal);
        Assert.Equal(calls + 1, _app.Connector.Calls.Count); // only the answer
        var sends = before.Calls.GetValueOrDefault("send");
        Assert.Equal([$"connector send: {sends} → {sends + 1}"], before.Diff(StateSnapshot.Of(_app), "inbox", "outbox"));
    }

    [Fact]
    public async Task LanguageCommand_WhileRunning_RerendersSharedCardsOnceInOrder()
    {
        var editor = await _mdo.OpenEditorAsync();
        editor = await _mdo.AddCasesAsync(editor, new CaseFields("Gezin A"), new CaseFields("Gezin B"));
        await _app.PostAsync(_chat.Activity("meetingchat-event-meetingStart-injected", Chair));
        await _mdo.NextChatCardAsync("mdo.start", "De vergadering is begonnen");
        var caseA = await _mdo.StartAsync(editor, "Gezin A");
        var action = await _mdo.AddActionAsync(caseA, Nurse, "Belt de huisarts");
        await _mdo.NextCaseAsync("Gezin B");
        await _app.DrainAsync();
        var before = _app.Connector.Calls.Count;

        await _chat.SayAsync(Chair, "language en");
        await _mdo.NextCallAsync(c => c.Kind == "send" && c.Title is { } t && t.Contains("now in English", StringComparison.Ordinal));
        await _app.DrainAsync();

        var updates = _app.Connector.Calls.Skip(before).Where(c => c.Kind == "update").ToList();
        var order = updates.Select(Describe).ToList();
        Assert.Equal(["start prompt", "live agenda", "case Gezin A", "action Belt de huisarts", "case Gezin B"], order);
        Assert.All(updates, u => Assert.Equal("en", (string?)u.Card!["lang"]));
        Assert.Contains("\"languageCode\":\"en\"", _app.MdoJson());

        // Already English: nothing is re-rendered again.
        var afterSwitch = _app.Connector.Calls.Count;
        await _chat.SayAsync(Chair, "taal EN");
        await _mdo.NextCallAsync(c => c.Kind == "send" && c.Title is { } t && t.Contains("already in English", StringComparison.Ordinal));
        await _app.DrainAsync();
        Assert.DoesNotContain(_app.Connector.Calls.Skip(afterSwitch), c => c.Kind == "update");
        Assert.Contains("Belt de huisarts", Text(action));
    }

    [Fact]
    public async Task LanguageCommand_NonChair_RefusedInTheirLanguage()
    {
        _chat.Locales[Nurse.Id] = "en-GB";
        await _mdo.OpenEditorAsync();

        await _chat.SayAsync(Nurse, "taal en");

        await _mdo.NextCallAsync(c => c.Kind == "send" && c.Title is { } t && t.StartsWith("Only the chair", StringComparison.Ordinal));
        Assert.Contains("\"languageCode\":\"nl\"", _app.MdoJson());
    }

    private static string Describe(RecordedCall call) => call.Card switch
    {
        { } c when call.IsCard("The MDO has started") => "start prompt",
        { } c when call.IsCard("mdo.close") && !call.IsCard("case.save") => "live agenda",
        { } c when call.IsCard("action.confirm") || call.IsCard("Action for") => "action " + (string?)c["body"]![1]!["facts"]![0]!["value"],
        { } c => "case " + (string?)c["body"]![0]!["text"],
        _ => "?",
    };
}
