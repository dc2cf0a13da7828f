using System.Text.Json.Nodes;
using MdoBot.Web.Tests.Security;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

/// <summary>Honest time figures, the MDO's title, and a start prompt that follows the MDO's state.</summary>
public sealed class MdoDetailsTests : MeetingChatTest
{
    protected override Task<BotApp> StartAppAsync() => SecurityKit.StartAsync();

    [Fact]
    public async Task Summary_ExtendedCase_ShowsTimeBoxExtensionAndUsedInCardChartAndExport()
    {
        var editor = await Scenario.OpenEditorAsync();
        editor = await Scenario.AddCasesAsync(editor, new CaseFields("Gezin A", TimeBox: 20), new CaseFields("Gezin B", TimeBox: 35));
        await Scenario.StartAsync(editor, "Gezin A");
        await Chat.SayAsync(Chair, "verleng 5");
        await Scenario.NextCallAsync(c => c.Kind == "send" && c.Title is { } t && t.StartsWith("5 minuten erbij", StringComparison.Ordinal));
        App.Time.Advance(TimeSpan.FromMinutes(32));
        await Scenario.NextCaseAsync("Gezin B");
        App.Time.Advance(TimeSpan.FromMinutes(30));

        var summary = await Scenario.CloseAsync();

        var text = Text(summary);
        Assert.Contains("Tijd: tijdvak 20 min + 5 min verlenging, gebruikt 32 min", text, StringComparison.Ordinal);
        Assert.Contains("Tijd: tijdvak 35 min, gebruikt 30 min", text, StringComparison.Ordinal);
        Assert.Contains("Totaal: tijdvak 55 min + 5 min verlenging, gebruikt 62 min", text, StringComparison.Ordinal);
        Assert.DoesNotContain("gepland 25", text, StringComparison.Ordinal);
        var chart = Find(summary).Single(o => (string?)o["type"] == "Chart.VerticalBar.Grouped");
        var series = chart["data"]!.AsArray().ToDictionary(s => (string)s!["legend"]!, s => s!["values"]!.AsArray().Select(v => (int)v!["y"]!).ToArray());
        Assert.Equal([20, 35], series["Tijdvak"]);
        Assert.Equal([5, 0], series["Verlenging"]);
        Assert.Equal([32, 30], series["Gebruikt"]);

        await Chat.SayAsync(Chair, "export Gezin A");
        var export = await Scenario.NextCallAsync(c => c.Kind is "send" or "create" && c.IsCard("Export van Gezin A"));
        Assert.Contains("Tijd: tijdvak 20 min + 5 min verlenging, gebruikt 32 min", export.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewMdo_MeetingDetailsHaveTitle_TitleTaken()
    {
        App.Connector.Meetings[Chat.MeetingId] = ("https://teams.example/join/1", "aaaaaaaa-0000-0000-0000-000000000001");
        App.Connector.MeetingTitles[Chat.MeetingId] = "Casusoverleg Jeugd Noord";

        var editor = await Scenario.OpenEditorAsync();

        Assert.Contains("Casusoverleg Jeugd Noord", Text(editor), StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Casusoverleg Jeugd Noord\"", App.MdoJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Title_MeetingStartEventThenChair_ChairsTitleWinsAndDefaultTitleFactDropped()
    {
        var editor = await Scenario.OpenEditorAsync();
        editor = await Scenario.AddCasesAsync(editor, new CaseFields("Gezin A"));

        // No meeting title known: the action card does not say "MDO: MDO".
        var caseCard = await Scenario.StartAsync(editor, "Gezin A");
        var action = await Scenario.AddActionAsync(caseCard, Nurse, "Belt de huisarts");
        Assert.DoesNotContain(Find(action), o => (string?)o["title"] == "MDO" && (string?)o["value"] == "MDO");
        await Scenario.CloseAsync();

        // The next MDO: the meeting-start event names it, until a chair chooses a title.
        editor = await Scenario.OpenEditorAsync();
        editor = await Scenario.AddCasesAsync(editor, new CaseFields("Gezin B"));
        await App.PostAsync(Chat.Activity("meetingchat-event-meetingStart-injected", Chair)); // value.Title: "Standup"
        await Scenario.NextChatCardAsync("mdo.start", "Standup");
        var setTitle = ActionData(editor, "agenda.setTitle");
        setTitle["title"] = "MDO Jeugd Zuid";
        var answer = await Chat.InvokeAsync(Chair, setTitle);
        Assert.Contains("MDO Jeugd Zuid", Text(answer), StringComparison.Ordinal);

        await App.PostAsync(Chat.Activity("meetingchat-event-meetingStart-injected", Chair)); // a repeated event
        var prompt = await Scenario.NextChatCardAsync("mdo.start", "MDO Jeugd Zuid");
        Assert.DoesNotContain("Standup", Text(prompt), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TitleCommand_Chair_SetsTitleAndMeetingEventNoLongerReplacesIt()
    {
        var editor = await Scenario.OpenEditorAsync();
        editor = await Scenario.AddCasesAsync(editor, new CaseFields("Gezin A"));

        await Chat.SayAsync(Chair, "titel MDO Jeugd Zuid");
        await Scenario.NextCallAsync(c => c.Kind == "send" && c.Title is "De titel is nu: MDO Jeugd Zuid");
        await App.PostAsync(Chat.Activity("meetingchat-event-meetingStart-injected", Chair)); // value.Title: "Standup"
        var prompt = await Scenario.NextChatCardAsync("mdo.start");

        Assert.Contains("MDO Jeugd Zuid: 1 casus", Text(prompt), StringComparison.Ordinal);
        Assert.DoesNotContain("Standup", App.MdoJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TitleField_BlankTitle_RefusedAndNothingChanges()
    {
        var editor = await Scenario.OpenEditorAsync();
        var set = ActionData(editor, "agenda.setTitle");
        set["title"] = "Casusoverleg West";
        var saved = await Chat.InvokeAsync(Chair, set);
        Assert.Contains("Casusoverleg West", Text(saved), StringComparison.Ordinal);
        await App.DrainAsync();
        var before = StateSnapshot.Of(App);

        var blank = ActionData(saved!["value"]!, "agenda.setTitle");
        blank["title"] = "   ";
        var refused = await Chat.InvokeAsync(Chair, blank);
        await App.DrainAsync();

        Assert.Contains("Geef een titel", Text(refused), StringComparison.Ordinal);
        Assert.Empty(before.Diff(StateSnapshot.Of(App), "inbox"));
    }

    [Fact]
    public async Task StartPrompt_MdoStartedByCommand_PromptUpdatedAndOldButtonSaysRunning()
    {
        var editor = await Scenario.OpenEditorAsync();
        await Scenario.AddCasesAsync(editor, new CaseFields("Gezin A"));
        await App.PostAsync(Chat.Activity("meetingchat-event-meetingStart-injected", Chair));
        var prompt = await Scenario.NextChatCardAsync("mdo.start", "De vergadering is begonnen");

        await Chat.SayAsync(Chair, "start");
        var updated = await Scenario.NextCallAsync(c => c.Kind == "update" && c.IsCard("Het MDO is gestart."));
        Assert.False(updated.IsCard("mdo.start"));

        var again = await Chat.InvokeAsync(Chair, ActionData(prompt, "mdo.start"));
        Assert.Equal("Het MDO loopt al.", (string?)again!["value"]);
    }

    private static IEnumerable<JsonObject> Find(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Find(p.Value))],
        JsonArray a => a.SelectMany(Find),
        _ => [],
    };
}
