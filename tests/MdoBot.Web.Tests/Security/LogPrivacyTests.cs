using System.Globalization;
using MdoBot.BotFramework.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Security;

/// <summary>
/// Care data never reaches the logs: a whole MDO with distinctive free text in every field, run with
/// every log category at Trace, and none of that text (nor a participant's name or e-mail address)
/// appears in any message, structured value, scope or exception.
/// </summary>
public sealed class LogPrivacyTests(ITestOutputHelper output) : MeetingChatTest
{
    // Every free text carries a unique made-up word, so that a truncated or re-formatted leak is found too.
    private const string Code1 = "kwikstaart-7";
    private const string Code2 = "zilverreiger-4";
    private const string Question1 = "Hoe helpen we moeder met het slaapritme van de tweeling vraagwoord-marmotje";
    private const string Question2 = "Wie ondersteunt vader bij de schuldhulp vraagwoord-pimpelmees";
    private const string Wants1 = "Rust in huis en samen eten familiewens-boomklever";
    private const string Can1 = "Oma past twee middagen op familiekracht-goudvink";
    private const string Needs1 = "Hulp bij de administratie familienood-ijsvogel";
    private const string Wants2 = "Een eigen kamer voor de oudste familiewens-kramsvogel";
    private const string Goal1 = "De tweeling slaapt door voor de zomer doelwoord-roerdomp";
    private const string Decisions1 = "Wekelijks huisbezoek door de JGZ besluitwoord-kwartelkoning";
    private const string Goal2 = "Vader heeft een overzicht van de schulden doelwoord-grutto";
    private const string Decisions2 = "Aanmelding bij schuldhulp besluitwoord-wulp";
    private const string Action1 = "Belt de huisarts over de slaapmedicatie actiewoord-patrijs";
    private const string Action2 = "Regelt kinderopvang op dinsdag actiewoord-fazant";
    private const string Action3 = "Zoekt een budgetcoach actiewoord-korhoen";
    private const string DeclineReason = "Geen ruimte in mijn caseload weigerwoord-kievit";
    private const string FeedbackText = "Beste ouders, we hebben gesproken over de nachten. De verpleegkundige belt u volgende week terugkoppelwoord-tureluur.";
    private const string Comment1 = "Fijn dat de ouders erbij waren evaluatiewoord-scholekster";
    private const string Comment2 = "Te weinig tijd voor de tweede casus evaluatiewoord-steltkluut";
    private const string Citizen = "111222333";
    private const string BirthDate = "geboren 12-03-2019";
    private const string ParentEmail = "ouder.tureluur@example.nl";

    private static readonly string[] Secrets =
    [
        Code1, Code2, Question1, Question2, Wants1, Can1, Needs1, Wants2, Goal1, Decisions1, Goal2, Decisions2,
        Action1, Action2, Action3, DeclineReason, FeedbackText, Comment1, Comment2, Citizen, BirthDate, ParentEmail,
        Chair.Name, Nurse.Name, Social.Name, "anna.vries@example.nl", "bram.jansen@example.nl", "carla.smit@example.nl",
    ];

    private readonly CapturingLoggerProvider _logs = new();
    private readonly RecordingMailSender _mail = new();
    protected override (string ConversationId, string MeetingId) ChatIds => ("19:meeting_privacy@thread.v2", "MCMxOTptZWV0aW5nX3ByaXZhY3k");

    protected override bool InstallFirst => false;

    protected override Task<BotApp> StartAppAsync() => SecurityKit.StartAsync(
        _logs,
        new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:System"] = "Trace",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            ["Logging:LogLevel:Polly"] = "Trace",
            ["Logging:Console:LogLevel:Default"] = "Warning", // keep the test output readable; the capture gets everything
            ["Logging:Debug:LogLevel:Default"] = "None",
        },
        s =>
        {
            s.RemoveAll<IMailSender>();
            s.AddSingleton<IMailSender>(_mail);
        });

    protected override void RegisterMembers() => Chat.RegisterMembers("anna.vries@example.nl", "bram.jansen@example.nl", "carla.smit@example.nl");

    [Fact]
    public async Task WholeMdo_TraceLoggingEverywhere_NoFreeTextNamesOrAddressesInLogs()
    {
        await RunWholeMdoAsync();
        await App.DrainAsync();

        var entries = _logs.Entries.ToList();
        var leaks = (from e in entries from secret in Secrets where e.AllText.Contains(secret, StringComparison.OrdinalIgnoreCase) select (e, secret)).ToList();
        var categories = entries.GroupBy(e => e.Category.Split('.').Take(3).Aggregate((a, b) => a + "." + b)).OrderByDescending(g => g.Count());
        output.WriteLine($"Captured {entries.Count} log entries ({entries.Count(e => e.Level == LogLevel.Trace)} Trace, {entries.Count(e => e.Level == LogLevel.Debug)} Debug, " +
            $"{entries.Count(e => e.Scopes.Length > 0)} with scopes, {entries.Count(e => e.Exception is not null)} with an exception); by category: " +
            string.Join(", ", categories.Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine($"Free-text strings, names and addresses checked: {Secrets.Length}; leaks: {leaks.Count}");
        foreach (var (entry, secret) in leaks.DistinctBy(l => (l.e.Category, l.secret)).Take(40))
        {
            output.WriteLine($"  LEAK '{secret}' in {entry.Level} {entry.Category}: {Cut(entry.Message)} | scopes: {Cut(entry.Scopes)} | {Cut(entry.Exception?.Message ?? string.Empty)}");
        }

        // The capture really ran at Trace for the framework and MdoBot alike.
        Assert.Contains(entries, e => e.Level == LogLevel.Trace && e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level <= LogLevel.Debug && e.Category.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal));
        // The connector's HTTP client has the factory's request logging removed (it logs URIs with conversation ids).
        Assert.DoesNotContain(entries, e => e.Category.StartsWith("System.Net.Http.HttpClient.IConnectorClient", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Category.StartsWith("MdoBot", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Scopes.Length > 0);
        Assert.Empty(leaks.Select(l => $"'{l.secret}' in {l.e.Category}: {Cut(l.e.Message)}").Distinct());
    }

    private static string Cut(string s) => s.Length > 200 ? s[..200] + "…" : s;

    private async Task RunWholeMdoAsync()
    {
        await Chat.InstallAsync();
        var editor = await Scenario.OpenEditorAsync();
        editor = await Scenario.AddCasesAsync(
            editor,
            new CaseFields(Code1, Question1, Wants1, Can1, Needs1, 20, Nurse.Id, ParentsJoin: true),
            new CaseFields(Code2, "eerste versie", Wants2, TimeBox: 15, PresenterId: Social.Id));
        var edit = (await Chat.InvokeAsync(Chair, ActionData(editor, "agenda.editCaseForm", d => (string?)d["caseId"] == "c2")))!["value"]!;
        var save = ActionData(edit, "agenda.saveCase");
        save["code"] = Code2; // Teams merges the form's inputs, pre-filled with the current values
        save["question"] = Question2;
        save["familyWants"] = Wants2;
        save["timeBox"] = "15";
        save["presenter"] = Social.Id;
        editor = (await Chat.InvokeAsync(Chair, save))!["value"]!;
        await Chat.SayAsync(Chair, $"coördinator <at>{Social.Name}</at>", Social);

        // Refused input is not logged either: a citizen service number, a birth date, a too long text.
        var caseCard = await Scenario.StartAsync(editor, Code1);
        var refused = ActionData(caseCard, "case.save");
        refused["goal"] = $"BSN {Citizen}";
        await Chat.InvokeAsync(Chair, refused);
        refused["goal"] = BirthDate;
        await Chat.InvokeAsync(Chair, refused);
        refused["goal"] = Goal1 + new string('x', 2100);
        await Chat.InvokeAsync(Chair, refused);

        App.Connector.FailNext.Enqueue(502); // a transient connector failure on the way (retried)
        caseCard = await Scenario.SaveCaseRecordAsync(caseCard, Goal1, Decisions1, Nurse.Id);
        var a1 = await Scenario.AddActionAsync(caseCard, Nurse, Action1);
        var due = App.Time.GetUtcNow().AddDays(9).ToString("d-M-yyyy", CultureInfo.InvariantCulture);
        await Chat.SayAsync(Chair, $"actie <at>{Social.Name}</at> {Action2} voor {due}", Social);
        var a2 = await Scenario.NextChatCardAsync("action.confirm", Action2);
        await Scenario.ConfirmAsync(a1, Nurse);
        await Scenario.DeclineAsync(a2, Social, DeclineReason);
        var withDeclined = (await Scenario.NextCallAsync(c => c.Kind == "update" && c.IsCard("action.reassign"))).Card!;
        var reassign = ActionData(withDeclined, "action.reassign");
        reassign["newOwner_" + (string?)reassign["actionId"]] = Chair.Id;
        await Chat.InvokeAsync(Chair, reassign);
        var a2b = await Scenario.NextChatCardAsync("action.confirm", Action2, "<at>Anna de Vries</at>");
        var submit = Chat.Activity("groupchat-message-actionSubmit", Chair);
        submit["value"] = ActionData(a2b, "action.confirm");
        submit.Remove("text");
        await App.PostAsync(submit);
        await Chat.SayAsync(Chair, "verleng 5");

        var second = await Scenario.NextCaseAsync(Code2);
        second = await Scenario.SaveCaseRecordAsync(second, Goal2, Decisions2, Social.Id);
        await Scenario.AddActionAsync(second, Nurse, Action3);
        await Chat.SayAsync(Chair, $"export {Code1}");
        await Scenario.NextCallAsync(c => c.Kind == "send" && c.ConversationId == "a:personal-" + Chair.Id && c.IsCard(Goal1));
        await Chat.SayAsync(Nurse, "samenvatting");
        await Scenario.NextChatCardAsync("Samenvatting", Goal1);

        // Close; the case lead edits and sends the parents' feedback; everyone evaluates.
        await Scenario.CloseAsync();
        var (personal, draft) = await Scenario.FeedbackDraftAsync(Nurse, Code1);
        var check = ActionData(draft, "feedback.check");
        check["feedbackText"] = FeedbackText;
        await App.PostAsync(Scenario.PersonalInvoke(Nurse, personal, check));
        var send = ActionData(draft, "feedback.send");
        send["feedbackText"] = FeedbackText;
        send["parentEmail"] = ParentEmail;
        var sent = await (await App.PostAsync(Scenario.PersonalInvoke(Nurse, personal, send))).JsonAsync();
        Assert.Contains("Verstuurd per e-mail", Text(sent), StringComparison.Ordinal);
        var (personal2, draft2) = await Scenario.FeedbackDraftAsync(Social, Code2);
        await App.PostAsync(Scenario.PersonalInvoke(Social, personal2, ActionData(draft2, "feedback.inPerson")));

        var evaluation = await Scenario.NextChatCardAsync("eval.submit");
        foreach (var (user, comment) in new[] { (Nurse, Comment1), (Social, Comment2) })
        {
            var answer = ActionData(evaluation, "eval.submit");
            answer["q_keptToTime"] = "3";
            answer["q_languageClear"] = "4";
            answer["comment"] = comment;
            await Chat.InvokeAsync(user, answer);
        }

        await Chat.SayAsync(Chair, "evaluatie");
        await Chat.SayAsync(Chair, "audit");
        await App.DrainAsync();
        Assert.Contains(_mail.Sent, m => m.To == ParentEmail);
        Assert.Contains(_mail.Sent, m => m.To == "carla.smit@example.nl");
        Assert.Contains(Comment1, App.DocumentJson("evaluation"), StringComparison.Ordinal);
        Assert.Contains(Decisions1, App.MdoJson(), StringComparison.Ordinal);
    }
}
