using System.Text.Json.Nodes;
using MdoBot.Web.Tests.Security;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

/// <summary>Honest time figures, the MDO's title, and a start prompt that follows the MDO's state.</summary>
public sealed class MdoDetailsTests : IAsyncLifetime
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
    public async Task Summary_ExtendedCase_ShowsTimeBoxExtensionAndUsedInCardChartAndExport()
    {
        var editor = await _mdo.OpenEditorAsync();
        editor = await _mdo.AddCasesAsync(editor, new CaseFields("Gezin A", TimeBox: 20), new CaseFields("Gezin B", TimeBox: 35));
        await _mdo.StartAsync(editor, "Gezin A");
        await _chat.SayAsync(Chair, "verleng 5");
        await _mdo.NextCallAsync(c => c.Kind == "send" && c.Title is { } t && t.StartsWith("5 minuten erbij", StringComparison.Ordinal));
        _app.Time.Advance(TimeSpan.FromMinutes(32));
        await _mdo.NextCaseAsync("Gezin B");
        _app.Time.Advance(TimeSpan.FromMinutes(30));

        var summary = await _mdo.CloseAsync();

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

        await _chat.SayAsync(Chair, "export Gezin A");
        var export = await _mdo.NextCallAsync(c => c.Kind is "send" or "create" && c.IsCard("Export van Gezin A"));
        Assert.Contains("Tijd: tijdvak 20 min + 5 min verlenging, gebruikt 32 min", export.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewMdo_MeetingDetailsHaveTitle_TitleTaken()
    {
        _app.Connector.Meetings[_chat.MeetingId] = ("https://teams.example/join/1", "aaaaaaaa-0000-0000-0000-000000000001");
        _app.Connector.MeetingTitles[_chat.MeetingId] = "Casusoverleg Jeugd Noord";

        var editor = await _mdo.OpenEditorAsync();

        Assert.Contains("Casusoverleg Jeugd Noord", Text(editor), StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Casusoverleg Jeugd Noord\"", _app.MdoJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Title_MeetingStartEventThenChair_ChairsTitleWinsAndDefaultTitleFactDropped()
    {
        var editor = await _mdo.OpenEditorAsync();
        editor = await _mdo.AddCasesAsync(editor, new CaseFields("Gezin A"));

        // No meeting title known: the action card does not say "MDO: MDO".
        var caseCard = await _mdo.StartAsync(editor, "Gezin A");
        var action = await _mdo.AddActionAsync(caseCard, Nurse, "Belt de huisarts");
        Assert.DoesNotContain(Find(action), o => (string?)o["title"] == "MDO" && (string?)o["value"] == "MDO");
        await _mdo.CloseAsync();

        // The next MDO: the meeting-start event names it, until a chair chooses a title.
        editor = await _mdo.OpenEditorAsync();
        editor = await _mdo.AddCasesAsync(editor, new CaseFields("Gezin B"));
        await _app.PostAsync(_chat.Activity("meetingchat-event-meetingStart-injected", Chair)); // value.Title: "Standup"
        await _mdo.NextChatCardAsync("mdo.start", "Standup");
        var setTitle = ActionData(editor, "agenda.setTitle");
        setTitle["title"] = "MDO Jeugd Zuid";
        var answer = await _chat.InvokeAsync(Chair, setTitle);
        Assert.Contains("MDO Jeugd Zuid", Text(answer), StringComparison.Ordinal);

        await _app.PostAsync(_chat.Activity("meetingchat-event-meetingStart-injected", Chair)); // a repeated event
        var prompt = await _mdo.NextChatCardAsync("mdo.start", "MDO Jeugd Zuid");
        Assert.DoesNotContain("Standup", Text(prompt), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TitleCommand_Chair_SetsTitleAndMeetingEventNoLongerReplacesIt()
    {
        var editor = await _mdo.OpenEditorAsync();
        editor = await _mdo.AddCasesAsync(editor, new CaseFields("Gezin A"));

        await _chat.SayAsync(Chair, "titel MDO Jeugd Zuid");
        await _mdo.NextCallAsync(c => c.Kind == "send" && c.Title is "De titel is nu: MDO Jeugd Zuid");
        await _app.PostAsync(_chat.Activity("meetingchat-event-meetingStart-injected", Chair)); // value.Title: "Standup"
        var prompt = await _mdo.NextChatCardAsync("mdo.start");

        Assert.Contains("MDO Jeugd Zuid: 1 casus", Text(prompt), StringComparison.Ordinal);
        Assert.DoesNotContain("Standup", _app.MdoJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TitleField_BlankTitle_RefusedAndNothingChanges()
    {
        var editor = await _mdo.OpenEditorAsync();
        var set = ActionData(editor, "agenda.setTitle");
        set["title"] = "Casusoverleg West";
        var saved = await _chat.InvokeAsync(Chair, set);
        Assert.Contains("Casusoverleg West", Text(saved), StringComparison.Ordinal);
        await _app.DrainAsync();
        var before = StateSnapshot.Of(_app);

        var blank = ActionData(saved!["value"]!, "agenda.setTitle");
        blank["title"] = "   ";
        var refused = await _chat.InvokeAsync(Chair, blank);
        await _app.DrainAsync();

        Assert.Contains("Geef een titel", Text(refused), StringComparison.Ordinal);
        Assert.Empty(before.Diff(StateSnapshot.Of(_app), "inbox"));
    }

    [Fact]
    public async Task StartPrompt_MdoStartedByCommand_PromptUpdatedAndOldButtonSaysRunning()
    {
        var editor = await _mdo.OpenEditorAsync();
        await _mdo.AddCasesAsync(editor, new CaseFields("Gezin A"));
        await _app.PostAsync(_chat.Activity("meetingchat-event-meetingStart-injected", Chair));
        var prompt = await _mdo.NextChatCardAsync("mdo.start", "De vergadering is begonnen");

        await _chat.SayAsync(Chair, "start");
        var updated = await _mdo.NextCallAsync(c => c.Kind == "update" && c.IsCard("Het MDO is gestart."));
        Assert.False(updated.IsCard("mdo.start"));

        var again = await _chat.InvokeAsync(Chair, ActionData(prompt, "mdo.start"));
        Assert.Equal("Het MDO loopt al.", (string?)again!["value"]);
    }

    private static IEnumerable<JsonObject> Find(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Find(p.Value))],
        JsonArray a => a.SelectMany(Find),
        _ => [],
    };
}
