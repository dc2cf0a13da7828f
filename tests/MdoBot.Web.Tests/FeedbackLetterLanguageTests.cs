using System.Text.Json.Nodes;
using MdoBot.Web.Tests.Security;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

/// <summary>
/// The parents' letter is in the family's language — Dutch by default, whatever the case lead's Teams language —
/// and the plain-language check runs in the letter's language.
/// </summary>
public sealed class FeedbackLetterLanguageTests : MeetingChatTest
{
    protected override Task<BotApp> StartAppAsync() => SecurityKit.StartAsync();

    protected override Task ArrangeAsync()
    {
        Chat.Locales[Nurse.Id] = "en-US";
        return Task.CompletedTask;
    }

    private async Task<(string Conversation, JsonNode Draft)> DraftForEnglishCaseLeadAsync()
    {
        var editor = await Scenario.OpenEditorAsync();
        editor = await Scenario.AddCasesAsync(editor, new CaseFields("Gezin A", FamilyWants: "Een rustige start met de baby"));
        var caseCard = await Scenario.StartAsync(editor, "Gezin A");
        caseCard = await Scenario.SaveCaseRecordAsync(caseCard, "Veilig opgroeien", null, Nurse.Id);
        var action = await Scenario.AddActionAsync(caseCard, Nurse, "Belt de verloskundige");
        await Scenario.ConfirmAsync(action, Nurse); // Bram acts from his English Teams client
        await Scenario.CloseAsync();
        return await Scenario.FeedbackDraftAsync(Nurse, "Gezin A");
    }

    [Fact]
    public async Task Draft_EnglishCaseLead_LetterDutchCardEnglish()
    {
        var (_, draft) = await DraftForEnglishCaseLeadAsync();

        var letter = Input(draft, "feedbackText");
        Assert.StartsWith("Beste ouder(s)", (string?)letter["value"], StringComparison.Ordinal);
        Assert.Contains("Een rustige start met de baby", (string?)letter["value"], StringComparison.Ordinal);
        Assert.DoesNotContain("Dear parent", Text(draft), StringComparison.Ordinal);
        Assert.Equal("nl", (string?)Input(draft, "letterLanguage")["value"]);
        Assert.Equal("en", (string?)draft["lang"]); // the card around the letter is in Bram's language
        Assert.Contains("Feedback for the parents", Text(draft), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_DutchLetterFromEnglishClient_FindsDutchJargon()
    {
        var (conversation, draft) = await DraftForEnglishCaseLeadAsync();
        var check = ActionData(draft, "feedback.check");
        check["feedbackText"] = "In het multidisciplinair overleg is de indicatie besproken met de ketenpartners, vanwege de psychosociale problematiek.";
        check["letterLanguage"] = "nl";

        var answer = await (await App.PostAsync(Scenario.PersonalInvoke(Nurse, conversation, check))).JsonAsync();

        var text = Text(answer);
        foreach (var term in new[] { "multidisciplinair overleg", "indicatie", "ketenpartners", "psychosociale problematiek" })
        {
            Assert.Contains($"Jargon: \\\"{term}\\\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Redraft_EnglishChosen_EnglishLetterAndEnglishCheck()
    {
        var (conversation, draft) = await DraftForEnglishCaseLeadAsync();
        var redraft = ActionData(draft, "feedback.redraft");
        redraft["letterLanguage"] = "en";
        await App.DrainAsync();
        var before = StateSnapshot.Of(App);

        var answer = (await (await App.PostAsync(Scenario.PersonalInvoke(Nurse, conversation, redraft))).JsonAsync())!["value"]!;

        Assert.StartsWith("Dear parent(s)", (string?)Input(answer, "feedbackText")["value"], StringComparison.Ordinal);
        Assert.Equal("en", (string?)Input(answer, "letterLanguage")["value"]);
        Assert.DoesNotContain("documents changed", before.Diff(StateSnapshot.Of(App))); // a redraft stores nothing
    }

    private static JsonObject Input(JsonNode card, string id) =>
        Find(card).FirstOrDefault(o => (string?)o["id"] == id) ?? throw new InvalidOperationException($"No input {id}: {card.ToJsonString()}");

    private static IEnumerable<JsonObject> Find(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Find(p.Value))],
        JsonArray a => a.SelectMany(Find),
        _ => [],
    };
}
