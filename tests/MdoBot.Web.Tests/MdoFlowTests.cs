using System.Text.Json.Nodes;
using MdoBot.Testing;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

public sealed class MdoFlowTests : MeetingChatTest
{
    protected override Task<BotApp> StartAppAsync() => BotApp.StartAsync(new() { ["Mdo:PublicBaseUrl"] = "https://mdobot.example.org" });

    /// <summary>Opens the agenda as the chair and adds cases; returns the latest editor card.</summary>
    private async Task<JsonNode> PrepareAgendaAsync(params (string Code, int Minutes)[] cases)
    {
        await Chat.SayAsync(Chair, "agenda");
        var editor = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"))).Card!;
        foreach (var (code, minutes) in cases)
        {
            var data = ActionData(editor, "agenda.addCase");
            data["code"] = code;
            data["question"] = "Hoe ondersteunen we de ouders?";
            data["timeBox"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            data["familyWants"] = "Rust in huis";
            var response = await Chat.InvokeAsync(Chair, data);
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response!["type"]);
            editor = response["value"]!;
        }

        return editor;
    }

    private async Task<string> MdoIdAsync(JsonNode editor) => (string)ActionData(editor, "mdo.start")["mdoId"]!;

    [Fact]
    public async Task WholeMdo_ThreeCasesTwoOwners_RecordedConfirmedAndSummarised()
    {
        var editor = await PrepareAgendaAsync(("Gezin A", 20), ("Gezin B", 10), ("2026-017", 15));
        var start = await Chat.InvokeAsync(Chair, ActionData(editor, "mdo.start"));
        Assert.Contains("gestart", Text(start));

        var caseCard = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save") && c.IsCard("Gezin A"))).Card!;
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("mdo.next") && !c.IsCard("case.save"));

        // A non-chair pressing "next case" is refused and nothing changes.
        var refused = await Chat.InvokeAsync(Nurse, ActionData(caseCard, "mdo.next"));
        Assert.Contains("Alleen de voorzitter", Text(refused));

        // Goal, decisions, case lead; then actions for two owners.
        var save = ActionData(caseCard, "case.save");
        save["goal"] = "Veilig opgroeien";
        save["decisions"] = "Wekelijks huisbezoek";
        save["caseLead"] = Nurse.Id;
        var saved = await Chat.InvokeAsync(Chair, save);
        Assert.Contains("Veilig opgroeien", Text(saved));

        await AddActionAsync(caseCard, Nurse, "Belt de huisarts");
        await AddActionAsync(caseCard, Social, "Regelt kinderopvang");
        var nurseCard = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("<at>Bram Jansen</at>"))).Card!;
        var socialCard = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("<at>Carla Smit</at>"))).Card!;
        Assert.Equal(Nurse.Id, (string?)nurseCard["msteams"]!["entities"]![0]!["mentioned"]!["id"]);

        // Someone else confirming is refused; the owner confirms; a duplicate delivery has one effect.
        var notOwner = await Chat.InvokeAsync(Social, ActionData(nurseCard, "action.confirm"));
        Assert.Contains("Alleen Bram Jansen", Text(notOwner));
        var confirm = Chat.InvokeActivity(Nurse, ActionData(nurseCard, "action.confirm"), "confirm-once");
        var first = await (await App.PostAsync(confirm)).JsonAsync();
        var again = await (await App.PostAsync(confirm)).JsonAsync();
        Assert.Contains("Bevestigd door Bram Jansen", Text(first));
        Assert.True(JsonNode.DeepEquals(first, again));
        var auditConfirms = App.AuditCount("action.confirmed");
        Assert.Equal(1, auditConfirms);

        // The other owner declines with a reason: back to the chair.
        var decline = ActionData(socialCard, "action.decline");
        decline["declineReason"] = "Geen capaciteit";
        var declined = await Chat.InvokeAsync(Social, decline);
        Assert.Contains("Geen capaciteit", Text(declined));
        await App.Connector.WaitForAsync(c => c.IsCard("terug naar de voorzitter") || c.IsCard("Actie terug naar de voorzitter"));

        // Next case twice, then close: the summary flags the unconfirmed action.
        await Chat.SayAsync(Chair, "volgende");
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save") && c.IsCard("Gezin B"));
        await Chat.SayAsync(Chair, "volgende");
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save") && c.IsCard("2026-017"));
        await Chat.SayAsync(Chair, "afronden");
        var summary = await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("Samenvatting"));
        Assert.Contains("Gezin A", summary.Json);
        Assert.Contains("Veilig opgroeien", summary.Json);
        Assert.Contains("Regelt kinderopvang", summary.Json);

        // After close: changes are refused, but the stale "next" button says so.
        var afterClose = await Chat.InvokeAsync(Chair, ActionData(caseCard, "mdo.next"));
        Assert.Contains("afgerond", Text(afterClose));
    }

    private async Task AddActionAsync(JsonNode caseCard, (string Id, string Name) owner, string text)
    {
        var add = ActionData(caseCard, "case.addAction");
        add["actionOwner"] = owner.Id;
        add["actionText"] = text;
        add["actionDue"] = App.Time.GetUtcNow().AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await Chat.InvokeAsync(Chair, add);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response!["type"]);
    }

    [Fact]
    public async Task StaleEditorCard_OldAgendaVersion_RefusedWithFreshCard()
    {
        var editor = await PrepareAgendaAsync(("Gezin A", 20));
        var stale = ActionData(editor, "agenda.removeCase");
        await PrepareAgendaAsync(("Gezin B", 20)); // the agenda moved on
        stale["agendaVersion"] = 1;

        var response = await Chat.InvokeAsync(Chair, stale);

        Assert.Contains("verouderd", Text(response));
        var doc = App.MdoJson();
        Assert.Contains("Gezin A", doc);
    }

    [Fact]
    public async Task TimeBox_WarningAndTimeUp_SentInMeetingAndSurviveRestart()
    {
        var editor = await PrepareAgendaAsync(("Gezin A", 10));
        await Chat.InvokeAsync(Chair, ActionData(editor, "mdo.start"));
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save"));

        App.Time.Advance(TimeSpan.FromMinutes(5));
        var warning = await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("Nog 5 minuten"));
        Assert.True((bool?)warning.Body!["channelData"]!["notification"]!["alertInMeeting"]);

        await App.RestartAsync();
        App.Time.Advance(TimeSpan.FromMinutes(6));
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("is om"));
        Assert.Single(App.Connector.Calls, c => c.Kind == "send" && c.IsCard("is om"));
    }

    [Fact]
    public async Task MeetingStartEvent_PreparedAgenda_PostsStartPromptButDoesNotStart()
    {
        await PrepareAgendaAsync(("Gezin A", 20));
        var start = Chat.Activity("meetingchat-event-meetingStart-injected", Chair);
        await App.PostAsync(start);

        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("mdo.start") && !c.IsCard("agenda.addCase"));
        Assert.Contains("\"Planned\"", App.MdoJson());
    }
}
