using System.Globalization;
using System.Text.Json.Nodes;
using MdoBot.BotFramework.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Security;

/// <summary>
/// Roles everywhere: every card verb and every typed command, performed by someone without the right
/// role in a realistic state, is refused with a message and changes nothing. A verb or command that
/// is added without being classified here fails <see cref="Classification_EveryVerbAndCommand_IsClassified"/>.
/// </summary>
public sealed class RoleTests(ITestOutputHelper output) : MeetingChatTest
{
    /// <summary>Verbs anyone in the meeting may use, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> OpenVerbs = new Dictionary<string, string>
    {
        ["help.show"] = "shows the help card; no MDO data, no change",
        ["agenda.open"] = "a non-chair gets the read-only live agenda (anyone in the meeting can read the cards); only a chair gets the editor",
        ["eval.submit"] = "the evaluation is for every participant: anonymous, one answer per person",
        ["language.choose"] = "the welcome card's language: with no MDO open it only sets the chat's language; with one open it is the language command, chair only (WelcomeLanguageTests)",
    };

    /// <summary>Verbs with a role, and who has it.</summary>
    public static readonly IReadOnlyDictionary<string, string> RestrictedVerbs = new Dictionary<string, string>
    {
        ["agenda.addCase"] = "chair",
        ["agenda.editCaseForm"] = "chair",
        ["agenda.saveCase"] = "chair",
        ["agenda.removeCase"] = "chair",
        ["agenda.moveCase"] = "chair",
        ["agenda.setLength"] = "chair",
        ["agenda.preparePrivately"] = "chair",
        ["agenda.publish"] = "chair",
        ["agenda.setTitle"] = "chair",
        ["mdo.start"] = "chair",
        ["mdo.next"] = "chair",
        ["mdo.extend"] = "chair",
        ["mdo.close"] = "chair",
        ["case.save"] = "chair",
        ["case.addAction"] = "chair",
        ["action.reassign"] = "chair",
        ["action.confirm"] = "owner of the action (not even a chair)",
        ["action.decline"] = "owner of the action (not even a chair)",
        ["action.markDone"] = "owner of the action or a chair",
        ["feedback.check"] = "case lead or chair",
        ["feedback.send"] = "case lead or chair",
        ["feedback.inPerson"] = "case lead or chair",
        ["feedback.redraft"] = "case lead or chair",
        ["erase.case"] = "chair",
        ["erase.meeting"] = "chair",
        ["followup.done"] = "owner of the earlier action or a chair",
        ["followup.stillOpen"] = "owner of the earlier action or a chair",
        ["followup.dropped"] = "owner of the earlier action or a chair",
    };

    /// <summary>Command words anyone may type, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> OpenCommands = new Dictionary<string, string>
    {
        ["help"] = "the help card",
        ["hulp"] = "the help card (Dutch)",
        ["?"] = "the help card",
        ["agenda"] = "a non-chair gets the read-only live agenda; only a chair gets the editor",
        ["samenvatting"] = "the summary card: anyone in the meeting can read the cards",
        ["summary"] = "the summary card (English)",
    };

    /// <summary>Command words with a role, and who has it.</summary>
    public static readonly IReadOnlyDictionary<string, string> RestrictedCommands = new Dictionary<string, string>
    {
        ["start"] = "chair",
        ["starten"] = "chair",
        ["begin"] = "chair",
        ["beginnen"] = "chair",
        ["verlengen"] = "chair",
        ["afsluiten"] = "chair",
        ["exporteren"] = "case lead or chair",
        ["verwijderen"] = "chair",
        ["volgende"] = "chair",
        ["next"] = "chair",
        ["verleng"] = "chair",
        ["extend"] = "chair",
        ["afronden"] = "chair",
        ["close"] = "chair",
        ["voorzitter"] = "chair",
        ["chair"] = "chair",
        ["actie"] = "chair",
        ["action"] = "chair",
        ["coördinator"] = "chair",
        ["coordinator"] = "chair",
        ["export"] = "case lead or chair",
        ["exporteer"] = "case lead or chair",
        ["evaluatie"] = "chair or coordinator",
        ["evaluation"] = "chair or coordinator",
        ["verwijder"] = "chair",
        ["delete"] = "chair",
        ["audit"] = "chair or coordinator",
        ["logboek"] = "chair or coordinator",
        ["taal"] = "chair",
        ["language"] = "chair",
        ["titel"] = "chair",
        ["title"] = "chair",
    };

    private readonly List<string> _problems = [];
    private readonly HashSet<string> _exercised = [];
    private readonly List<string> _answers = [];

    protected override (string ConversationId, string MeetingId) ChatIds => ("19:meeting_roles@thread.v2", "MCMxOTptZWV0aW5nX3JvbGVz");

    protected override Task<BotApp> StartAppAsync() => SecurityKit.StartAsync();

    [Fact]
    public void Classification_EveryVerbAndCommand_IsClassified()
    {
        var router = App.Services.GetRequiredService<ActivityRouter>();
        var verbs = OpenVerbs.Keys.Concat(RestrictedVerbs.Keys).ToList();
        var commands = OpenCommands.Keys.Concat(RestrictedCommands.Keys).ToList();

        Assert.Empty(OpenVerbs.Keys.Intersect(RestrictedVerbs.Keys));
        Assert.Empty(OpenCommands.Keys.Intersect(RestrictedCommands.Keys));
        Assert.Empty(router.Verbs.Except(verbs).Select(v => $"card verb '{v}' is not classified as open or restricted in RoleTests"));
        Assert.Empty(router.CommandNames.Except(commands).Select(c => $"command '{c}' is not classified as open or restricted in RoleTests"));
        Assert.Empty(verbs.Except(router.Verbs).Select(v => $"RoleTests classifies '{v}', which is no longer a verb"));
        Assert.Empty(commands.Except(router.CommandNames).Select(c => $"RoleTests classifies '{c}', which is no longer a command"));
    }

    [Fact]
    public async Task WrongRole_EveryRestrictedVerbAndCommand_RefusedAndChangesNothing()
    {
        // A: a planned MDO with two cases; the chair has the editor.
        var editor = await Scenario.OpenEditorAsync();
        editor = await Scenario.AddCasesAsync(editor, new CaseFields("Gezin A", "Vraag A"), new CaseFields("Gezin B", "Vraag B"));
        var editForm = (await Chat.InvokeAsync(Chair, ActionData(editor, "agenda.editCaseForm", d => (string?)d["caseId"] == "c1")))!["value"]!;
        await Chat.SayAsync(Chair, "verwijder casus Gezin B");
        var eraseCase = await Scenario.NextChatCardAsync("erase.case");
        await Chat.SayAsync(Chair, "verwijder overleg");
        var eraseMeeting = await Scenario.NextChatCardAsync("erase.meeting");

        var add = ActionData(editor, "agenda.addCase");
        add["code"] = "Gezin X";
        await VerbAsync("agenda.addCase", Nurse, add, "planned");
        await VerbAsync("agenda.editCaseForm", Nurse, ActionData(editor, "agenda.editCaseForm", d => (string?)d["caseId"] == "c1"), "planned");
        var save = ActionData(editForm, "agenda.saveCase");
        save["question"] = "Andere vraag";
        await VerbAsync("agenda.saveCase", Nurse, save, "planned");
        await VerbAsync("agenda.removeCase", Nurse, ActionData(editor, "agenda.removeCase", d => (string?)d["caseId"] == "c2"), "planned");
        await VerbAsync("agenda.moveCase", Nurse, ActionData(editor, "agenda.moveCase", d => (string?)d["caseId"] == "c2"), "planned");
        var length = ActionData(editor, "agenda.setLength");
        length["meetingLength"] = "90";
        await VerbAsync("agenda.setLength", Nurse, length, "planned");
        await VerbAsync("agenda.preparePrivately", Nurse, ActionData(editor, "agenda.preparePrivately"), "planned");
        await VerbAsync("agenda.publish", Nurse, ActionData(editor, "agenda.publish"), "planned");
        var title = ActionData(editor, "agenda.setTitle");
        title["title"] = "Een andere titel";
        await VerbAsync("agenda.setTitle", Nurse, title, "planned");
        await VerbAsync("mdo.start", Nurse, ActionData(editor, "mdo.start"), "planned");
        await VerbAsync("erase.case", Nurse, ActionData(eraseCase, "erase.case"), "planned");
        await VerbAsync("erase.meeting", Nurse, ActionData(eraseMeeting, "erase.meeting"), "planned");

        await CommandAsync("start", Nurse, string.Empty, "planned");
        await CommandAsync("starten", Social, string.Empty, "planned");
        await CommandAsync("begin", Nurse, string.Empty, "planned");
        await CommandAsync("beginnen", Social, string.Empty, "planned");
        await CommandAsync("voorzitter", Nurse, $"<at>{Nurse.Name}</at>", "planned", Nurse);
        await CommandAsync("chair", Social, $"<at>{Social.Name}</at>", "planned", Social);
        await CommandAsync("coördinator", Nurse, $"<at>{Nurse.Name}</at>", "planned", Nurse);
        await CommandAsync("coordinator", Social, $"<at>{Social.Name}</at>", "planned", Social);
        await CommandAsync("evaluatie", Nurse, string.Empty, "planned");
        await CommandAsync("evaluation", Social, string.Empty, "planned");
        await CommandAsync("audit", Nurse, string.Empty, "planned");
        await CommandAsync("logboek", Social, string.Empty, "planned");
        await CommandAsync("verwijder", Nurse, "casus Gezin B", "planned");
        await CommandAsync("verwijderen", Social, "casus Gezin B", "planned");
        await CommandAsync("delete", Social, "meeting", "planned");
        await CommandAsync("taal", Nurse, "en", "planned");
        await CommandAsync("language", Social, "xx", "planned");
        await CommandAsync("titel", Nurse, "Een andere titel", "planned");
        await CommandAsync("title", Social, "Another title", "planned");

        // B: running; Gezin A is current, Bram is its case lead; a1 (Bram) proposed, a2 (Carla) declined, a3 (Bram) confirmed.
        var caseCard = await Scenario.StartAsync(editor, "Gezin A");
        caseCard = await Scenario.SaveCaseRecordAsync(caseCard, "Doel", "Besluit", Nurse.Id);
        var a1 = await Scenario.AddActionAsync(caseCard, Nurse, "Belt de huisarts");
        var a2 = await Scenario.AddActionAsync(caseCard, Social, "Regelt opvang");
        var a3 = await Scenario.AddActionAsync(caseCard, Nurse, "Bezoekt het gezin");
        await Scenario.DeclineAsync(a2, Social, "Geen tijd");
        await Scenario.ConfirmAsync(a3, Nurse);
        var live = (await Scenario.NextCallAsync(c => c.ConversationId == Chat.ConversationId && c.Kind is "send" or "update" && c.IsCard("mdo.close"))).Card!;
        caseCard = (await Scenario.NextCallAsync(c => c.Kind == "update" && c.IsCard("action.reassign"))).Card!;

        await VerbAsync("mdo.next", Nurse, ActionData(caseCard, "mdo.next"), "running");
        await VerbAsync("mdo.extend", Nurse, ActionData(caseCard, "mdo.extend"), "running");
        await VerbAsync("mdo.close", Nurse, ActionData(live, "mdo.close"), "running");
        var record = ActionData(caseCard, "case.save");
        record["goal"] = "Ander doel";
        record["caseLead"] = Social.Id;
        await VerbAsync("case.save", Nurse, record, "running");
        var action = ActionData(caseCard, "case.addAction");
        action["actionOwner"] = Social.Id;
        action["actionText"] = "Nog iets";
        action["actionDue"] = App.Time.GetUtcNow().AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await VerbAsync("case.addAction", Nurse, action, "running");
        var reassign = ActionData(caseCard, "action.reassign");
        reassign["newOwner_" + (string?)reassign["actionId"]] = Nurse.Id;
        await VerbAsync("action.reassign", Nurse, reassign, "running, a declined action");
        await VerbAsync("action.confirm", Social, ActionData(a1, "action.confirm"), "running, someone else's proposed action");
        await VerbAsync("action.confirm", Chair, ActionData(a1, "action.confirm"), "running, someone else's proposed action");
        var decline = ActionData(a1, "action.decline");
        decline["declineReason"] = "Niet mijn taak";
        await VerbAsync("action.decline", Social, decline, "running, someone else's proposed action");
        await VerbAsync("action.decline", Chair, decline, "running, someone else's proposed action");
        var done = ActionData(a3, "action.confirm");
        done["verb"] = "action.markDone"; // the reminder card's button carries the same data
        await VerbAsync("action.markDone", Social, done, "running, someone else's confirmed action");

        await CommandAsync("volgende", Nurse, string.Empty, "running");
        await CommandAsync("next", Social, string.Empty, "running");
        await CommandAsync("verleng", Nurse, "5", "running");
        await CommandAsync("verlengen", Social, "5", "running");
        await CommandAsync("extend", Social, "10", "running");
        await CommandAsync("afronden", Nurse, string.Empty, "running");
        await CommandAsync("afsluiten", Social, string.Empty, "running");
        await CommandAsync("close", Social, string.Empty, "running");
        var due = App.Time.GetUtcNow().AddDays(3).ToString("d-M-yyyy", CultureInfo.InvariantCulture);
        await CommandAsync("actie", Nurse, $"<at>{Social.Name}</at> belt school voor {due}", "running", Social);
        await CommandAsync("action", Social, $"<at>{Nurse.Name}</at> calls school by {due}", "running", Nurse);
        await CommandAsync("export", Social, "Gezin A", "running, Bram is case lead");
        await CommandAsync("exporteer", Social, "gezin a", "running, Bram is case lead");
        await CommandAsync("exporteren", Social, "Gezin A", "running, Bram is case lead");

        // C: closed by the chair; Bram (case lead) got the parents' feedback draft.
        await Scenario.CloseAsync();
        var (_, draft) = await Scenario.FeedbackDraftAsync(Nurse, "Gezin A");
        var check = ActionData(draft, "feedback.check");
        check["feedbackText"] = "Andere tekst";
        await VerbAsync("feedback.check", Social, check, "closed, Bram is case lead");
        var send = ActionData(draft, "feedback.send");
        send["feedbackText"] = "Andere tekst";
        send["parentEmail"] = "ouder@example.nl";
        await VerbAsync("feedback.send", Social, send, "closed, Bram is case lead");
        await VerbAsync("feedback.inPerson", Social, ActionData(draft, "feedback.inPerson"), "closed, Bram is case lead");
        var redraft = ActionData(draft, "feedback.redraft");
        redraft["letterLanguage"] = "en";
        await VerbAsync("feedback.redraft", Social, redraft, "closed, Bram is case lead");

        // D: the next MDO of the series, Gezin A returns with Bram's open actions from last time.
        App.Time.Advance(TimeSpan.FromDays(7));
        await App.SettleTimersAsync(); // the reminders that fell due meanwhile
        var next = await Scenario.OpenEditorAsync();
        next = await Scenario.AddCasesAsync(next, new CaseFields("Gezin A"));
        var returning = await Scenario.StartAsync(next, "Gezin A");
        Assert.Contains("followup.done", Text(returning), StringComparison.Ordinal);
        foreach (var verb in new[] { "followup.done", "followup.stillOpen", "followup.dropped" })
        {
            await VerbAsync(verb, Social, ActionData(returning, verb), "next MDO, Bram's open action from last time");
        }

        foreach (var line in _answers)
        {
            output.WriteLine(line);
        }

        var notExercised = RestrictedVerbs.Keys.Concat(RestrictedCommands.Keys).Where(k => !_exercised.Contains(k)).ToList();
        output.WriteLine($"Checked {_answers.Count} refusals; problems: {_problems.Count}");
        foreach (var p in _problems)
        {
            output.WriteLine("PROBLEM " + p);
        }

        Assert.Empty(notExercised);
        Assert.Empty(_problems);
    }

    /// <summary>
    /// The refusal must say who may do it: export and the parents' feedback belong to the case lead
    /// (regiehouder) or a chair — not to "the owner of the action".
    /// </summary>
    [Fact]
    public async Task WrongRole_CaseLeadOperations_RefusalNamesCaseLeadOrChair()
    {
        var editor = await Scenario.OpenEditorAsync();
        editor = await Scenario.AddCasesAsync(editor, new CaseFields("Gezin A"));
        var caseCard = await Scenario.StartAsync(editor, "Gezin A");
        await Scenario.SaveCaseRecordAsync(caseCard, "Doel", null, Nurse.Id);
        await Scenario.CloseAsync();
        var (_, draft) = await Scenario.FeedbackDraftAsync(Nurse, "Gezin A");

        await Chat.SayAsync(Social, "export Gezin A");
        var export = (await Scenario.NextCallAsync(c => c.Kind == "send" && c.ConversationId == Chat.ConversationId && c.Title is { } t && t.StartsWith("Alleen", StringComparison.Ordinal))).Title!;
        var feedback = (string)(await Chat.InvokeAsync(Social, ActionData(draft, "feedback.inPerson")))!["value"]!;
        output.WriteLine($"export by a non-case-lead: {export}");
        output.WriteLine($"feedback.inPerson by a non-case-lead: {feedback}");

        Assert.All(new[] { export, feedback }, text =>
        {
            Assert.Contains("regiehouder", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("actie bevestigen", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task OpenToEveryone_NonChair_SeesOnlyWhatAnyoneMaySee()
    {
        var editor = await Scenario.OpenEditorAsync();
        editor = await Scenario.AddCasesAsync(editor, new CaseFields("Gezin A"));
        await App.DrainAsync();
        var mdo = App.MdoJson();

        var help = await Chat.InvokeAsync(Nurse, new JsonObject { ["verb"] = "help.show" });
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)help!["type"]);
        var agenda = await Chat.InvokeAsync(Nurse, new JsonObject { ["verb"] = "agenda.open" });
        Assert.DoesNotContain("agenda.addCase", Text(agenda), StringComparison.Ordinal);
        Assert.Contains("Gezin A", Text(agenda), StringComparison.Ordinal);
        await Chat.SayAsync(Social, "agenda");
        var liveForSocial = await Scenario.NextChatCardAsync("Gezin A");
        Assert.DoesNotContain("agenda.addCase", Text(liveForSocial), StringComparison.Ordinal);
        foreach (var word in new[] { "help", "hulp", "?" })
        {
            await Chat.SayAsync(Social, word);
            await Scenario.NextChatCardAsync("Commando");
        }

        foreach (var word in new[] { "samenvatting", "summary" })
        {
            await Chat.SayAsync(Nurse, word);
            Assert.DoesNotContain("agenda.addCase", Text(await Scenario.NextChatCardAsync("Samenvatting")), StringComparison.Ordinal);
        }

        await App.DrainAsync();
        Assert.Equal(mdo, App.MdoJson());
    }

    /// <summary>Performs a verb as an invoke and as an Action.Submit message; both must be refused and change nothing.</summary>
    private async Task VerbAsync(string verb, (string Id, string Name) user, JsonObject data, string state)
    {
        Assert.Equal(verb, (string?)data["verb"]);
        _exercised.Add(verb);
        await RefusedAsync($"{verb} (invoke) by {user.Name} [{state}]", async () =>
        {
            var response = await App.PostAsync(Chat.InvokeActivity(user, data));
            var body = await response.JsonAsync();
            return (string?)body?["type"] == "application/vnd.microsoft.activity.message" ? (string?)body["value"] : "(no message) " + body?.ToJsonString();
        }, chatReply: false);

        var submit = Chat.Activity("groupchat-message-actionSubmit", user);
        submit["value"] = data.DeepClone();
        submit.Remove("text");
        await RefusedAsync($"{verb} (Action.Submit) by {user.Name} [{state}]", async () =>
        {
            await App.PostAsync(submit);
            return null;
        }, chatReply: true);
    }

    private async Task CommandAsync(string word, (string Id, string Name) user, string arguments, string state, params (string Id, string Name)[] mentions)
    {
        _exercised.Add(word);
        await RefusedAsync($"'{word} {arguments}' by {user.Name} [{state}]", async () =>
        {
            await Chat.SayAsync(user, $"{word} {arguments}".Trim(), mentions);
            return null;
        }, chatReply: true);
    }

    /// <summary>
    /// Runs one attempt and checks: a refusal ("Alleen …") as the invoke's message or as the one chat
    /// message sent; no other message, update or 1:1 chat; no document, audit entry, timer or
    /// conversation change; only the activity itself is remembered (inbox + 1).
    /// </summary>
    private async Task RefusedAsync(string what, Func<Task<string?>> act, bool chatReply)
    {
        await App.DrainAsync();
        var before = StateSnapshot.Of(App);
        var callsBefore = App.Connector.Calls.Count;

        var invokeAnswer = await act();
        await App.DrainAsync();

        var after = StateSnapshot.Of(App);
        var newCalls = App.Connector.Calls.Skip(callsBefore).ToList();
        var replies = newCalls.Where(c => c.Kind == "send" && c.ConversationId == Chat.ConversationId).ToList();
        var answer = chatReply ? (replies.Count == 1 ? replies[0].Title : null) : invokeAnswer;
        _answers.Add($"{what}: {answer ?? "(no answer)"}");

        if (answer is null || !answer.StartsWith("Alleen ", StringComparison.Ordinal))
        {
            _problems.Add($"{what}: not refused — answer {answer ?? "(none)"}; connector: {string.Join(" | ", newCalls.Select(c => c.ToString()))}");
        }

        var unexpected = newCalls.Except(chatReply ? replies.Take(1) : []).ToList();
        if (unexpected.Count > 0)
        {
            _problems.Add($"{what}: also sent {string.Join(" | ", unexpected.Select(c => c.ToString()))}");
        }

        var diff = (before with { Calls = [] }).Diff(after with { Calls = [] }, "inbox");
        if (diff.Count > 0)
        {
            _problems.Add($"{what}: changed {string.Join("; ", diff)}");
        }

        if (after.Counts["inbox"] != before.Counts["inbox"] + 1)
        {
            _problems.Add($"{what}: inbox {before.Counts["inbox"]} → {after.Counts["inbox"]}");
        }
    }
}
