using System.Text.Json.Nodes;
using MdoBot.Testing;
using MdoBot.Web.Tests.Security;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

/// <summary>
/// One language per MDO: the shared cards keep the MDO's language whoever clicks; answers shown to one person
/// follow that person's Teams locale; a chair switches the language with <c>taal</c> / <c>language</c>.
/// </summary>
public sealed class MdoLanguageTests : MeetingChatTest
{
    protected override Task<BotApp> StartAppAsync() => SecurityKit.StartAsync();

    [Fact]
    public async Task SharedCards_EnglishChairDutchOwner_StayInTheChairsLanguage()
    {
        Chat.Locales[Chair.Id] = "en-US";
        Chat.Locales[Nurse.Id] = "nl-NL";
        Chat.Locales[Social.Id] = "nl-NL";
        var editor = await Scenario.OpenEditorAsync();
        Assert.Equal("en", (string?)editor["lang"]);
        editor = await Scenario.AddCasesAsync(editor, new CaseFields("Gezin A"));
        var caseCard = await Scenario.StartAsync(editor, "Gezin A");
        var actionCard = await Scenario.AddActionAsync(caseCard, Nurse, "Belt de huisarts");
        Assert.Equal("en", (string?)actionCard["lang"]);

        // The Dutch owner confirms: the card that replaces it for them, and the updates for everyone, stay English.
        var confirmed = await Scenario.ConfirmAsync(actionCard, Nurse);
        Assert.Equal("en", (string?)confirmed!["value"]!["lang"]);
        Assert.Contains("Confirmed by Bram Jansen", Text(confirmed));
        await App.DrainAsync();
        var updates = App.Connector.Calls.Where(c => c.Kind == "update" && c.ConversationId == Chat.ConversationId).ToList();
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Equal("en", (string?)u.Card!["lang"]));
        Assert.DoesNotContain(updates, u => u.IsCard("Bevestigd door"));

        // A refusal is shown only to the Dutch participant who pressed the button: in their language.
        var refused = await Chat.InvokeAsync(Social, ActionData(caseCard, "mdo.next"));
        Assert.Contains("Alleen de voorzitter", Text(refused));
    }

    [Fact]
    public async Task NewMdo_UnknownLocale_SharedCardsDutch()
    {
        Chat.Locales[Chair.Id] = "fr-FR";
        var editor = await Scenario.OpenEditorAsync();

        Assert.Equal("nl", (string?)editor["lang"]);
        Assert.Contains("\"languageCode\":\"nl\"", App.MdoJson());
    }

    [Fact]
    public async Task LanguageCommand_UnknownCode_ListsSupportedAndChangesNothing()
    {
        await Scenario.OpenEditorAsync();
        await App.DrainAsync();
        var before = StateSnapshot.Of(App);
        var calls = App.Connector.Calls.Count;

        await Chat.SayAsync(Chair, "taal klingon");
        var answer = await Scenario.NextCallAsync(c => c.Kind == "send" && c.Title is { } t && t.Contains("nl (Nederlands), en (English)", StringComparison.Ordinal));
        await App.DrainAsync();

        Assert.StartsWith("Kies een van deze talen", answer.Title, StringComparison.Ordinal);
        Assert.Equal(calls + 1, App.Connector.Calls.Count); // only the answer
        var sends = before.Calls.GetValueOrDefault("send");
        Assert.Equal([$"connector send: {sends} → {sends + 1}"], before.Diff(StateSnapshot.Of(App), "inbox", "outbox"));
    }

    [Fact]
    public async Task LanguageCommand_WhileRunning_RerendersSharedCardsOnceInOrder()
    {
        var editor = await Scenario.OpenEditorAsync();
        editor = await Scenario.AddCasesAsync(editor, new CaseFields("Gezin A"), new CaseFields("Gezin B"));
        await App.PostAsync(Chat.Activity("meetingchat-event-meetingStart-injected", Chair));
        await Scenario.NextChatCardAsync("mdo.start", "De vergadering is begonnen");
        var caseA = await Scenario.StartAsync(editor, "Gezin A");
        var action = await Scenario.AddActionAsync(caseA, Nurse, "Belt de huisarts");
        await Scenario.NextCaseAsync("Gezin B");
        await App.DrainAsync();
        var before = App.Connector.Calls.Count;

        await Chat.SayAsync(Chair, "language en");
        await Scenario.NextCallAsync(c => c.Kind == "send" && c.Title is { } t && t.Contains("now in English", StringComparison.Ordinal));
        await App.DrainAsync();

        var updates = App.Connector.Calls.Skip(before).Where(c => c.Kind == "update").ToList();
        var order = updates.Select(Describe).ToList();
        Assert.Equal(["start prompt", "live agenda", "case Gezin A", "action Belt de huisarts", "case Gezin B"], order);
        Assert.All(updates, u => Assert.Equal("en", (string?)u.Card!["lang"]));
        Assert.Contains("\"languageCode\":\"en\"", App.MdoJson());

        // Already English: nothing is re-rendered again.
        var afterSwitch = App.Connector.Calls.Count;
        await Chat.SayAsync(Chair, "taal EN");
        await Scenario.NextCallAsync(c => c.Kind == "send" && c.Title is { } t && t.Contains("already in English", StringComparison.Ordinal));
        await App.DrainAsync();
        Assert.DoesNotContain(App.Connector.Calls.Skip(afterSwitch), c => c.Kind == "update");
        Assert.Contains("Belt de huisarts", Text(action));
    }

    [Fact]
    public async Task LanguageCommand_NonChair_RefusedInTheirLanguage()
    {
        Chat.Locales[Nurse.Id] = "en-GB";
        await Scenario.OpenEditorAsync();

        await Chat.SayAsync(Nurse, "taal en");

        await Scenario.NextCallAsync(c => c.Kind == "send" && c.Title is { } t && t.StartsWith("Only the chair", StringComparison.Ordinal));
        Assert.Contains("\"languageCode\":\"nl\"", App.MdoJson());
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
