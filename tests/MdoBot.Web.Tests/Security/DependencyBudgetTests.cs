using System.Net;
using System.Text.Json.Nodes;
using MdoBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Security;

/// <summary>
/// A dependency that fails, hangs or is slow never makes a turn slow or a 5xx: the connector token, the member list,
/// the meeting participant lookup and Graph each have a budget (short here), and the user gets "not reachable right now"
/// while nothing is stored but that answer. Hangs are cut off by the budget; slow answers are let out only after MdoBot answered.
/// </summary>
public sealed class DependencyBudgetTests : IAsyncLifetime
{
    private const string TeamsDown = "Teams is nu niet bereikbaar";
    private readonly List<IAsyncDisposable> _owned = [];
    private BotApp _app = null!;
    private MeetingChat _chat = null!;

    /// <summary>Each stand-in fails (503), hangs, and is slow (answers only after MdoBot has answered).</summary>
    public static TheoryData<FaultMode> Modes => new() { FaultMode.Fail, FaultMode.Hang, FaultMode.Slow };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }

    private async Task StartAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _app = await SecurityKit.StartAsync(settings: settings, services: services);
        _chat = new MeetingChat(_app);
        _chat.RegisterMembers();
        await _chat.InstallAsync();
    }

    /// <summary>Everything stored (documents with their versions, timers, audit, cards) and sent, once the outbox is idle.</summary>
    private async Task<StateSnapshot> SettledAsync()
    {
        await _app.DrainAsync();
        return StateSnapshot.Of(_app);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task ConnectorToken_Unavailable_AgendaAnswers200AndQueuesTryAgain_NothingElseStored(FaultMode mode)
    {
        var entra = await FakeEntraToken.StartAsync();
        _owned.Add(entra);
        entra.Fault.Mode = mode;
        await StartAsync(DependencyStandIns.ShortBudget("ConnectorToken"), s => DependencyStandIns.UseEntra(s, entra));
        var before = StateSnapshot.Of(_app);

        var response = await _chat.SayAsync(Chair, "agenda");
        entra.Fault.Release();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, _app.MdoJson());
        Assert.Equal(1L, _app.Query<long>("SELECT COUNT(*) FROM outbox WHERE activity_json LIKE $p0", $"%{TeamsDown}%"));
        Assert.Equal(before.Documents, StateSnapshot.Of(_app).Documents);
        await entra.Fault.WaitForRequestAsync();
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task ConnectorToken_UnavailableAfterRestart_ButtonAnswersTryAgainInTheResponse_MdoUnchanged(FaultMode mode)
    {
        var entra = await FakeEntraToken.StartAsync();
        _owned.Add(entra);
        await StartAsync(DependencyStandIns.ShortBudget("ConnectorToken"), s => DependencyStandIns.UseEntra(s, entra));
        await _app.Services.GetRequiredService<MdoBot.BotFramework.Connector.IConnectorTokenProvider>().GetTokenAsync(CancellationToken.None); // a first, cold token may take longer than the short budget
        var editor = await new MdoScenario(_app, _chat).OpenEditorAsync();
        var before = await SettledAsync();
        await _app.RestartAsync(); // no token in memory any more
        entra.Fault.Mode = mode;
        var add = ActionData(editor, "agenda.addCase");
        add["code"] = "Gezin A";

        var answer = await _chat.InvokeAsync(Chair, add);
        entra.Fault.Release();

        Assert.Contains(TeamsDown, Text(answer), StringComparison.Ordinal);
        Assert.Empty(before.Diff(StateSnapshot.Of(_app), "inbox"));
        Assert.True(entra.Issued > 0 && entra.Fault.Requests > 0);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task MemberList_Unavailable_AgendaSaysTryAgain_CreatesNothing_ThenWorks(FaultMode mode)
    {
        await StartAsync(DependencyStandIns.ShortBudget("Members"));
        var before = await SettledAsync();
        _app.Connector.MembersFault.Mode = mode;

        var response = await _chat.SayAsync(Chair, "agenda");
        _app.Connector.MembersFault.Release();
        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.Title is { } t && t.Contains(TeamsDown, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["connector send: 1 → 2"], before.Diff(await SettledAsync(), "inbox"));
        _app.Connector.MembersFault.Mode = FaultMode.None;
        await _chat.SayAsync(Chair, "agenda");
        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task MemberList_UnavailableAfterRestart_ButtonSaysTryAgain_MdoUnchanged(FaultMode mode)
    {
        await StartAsync(DependencyStandIns.ShortBudget("Members"));
        var editor = await new MdoScenario(_app, _chat).OpenEditorAsync();
        var before = await SettledAsync();
        await _app.RestartAsync(); // no member list in memory any more
        _app.Connector.MembersFault.Mode = mode;
        var add = ActionData(editor, "agenda.addCase");
        add["code"] = "Gezin A";

        var answer = await _chat.InvokeAsync(Chair, add);
        _app.Connector.MembersFault.Release();

        Assert.Contains(TeamsDown, Text(answer), StringComparison.Ordinal);
        Assert.Empty(before.Diff(await SettledAsync(), "inbox"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task MeetingParticipant_Unavailable_NonChairStartSaysTryAgain_MdoUnchanged(FaultMode mode)
    {
        await StartAsync(DependencyStandIns.ShortBudget("MeetingParticipant"));
        var scenario = new MdoScenario(_app, _chat);
        var editor = await scenario.AddCasesAsync(await scenario.OpenEditorAsync(), new CaseFields("Gezin A"));
        var before = await SettledAsync();
        _app.Connector.ParticipantFault.Mode = mode;

        var answer = await _chat.InvokeAsync(Social, ActionData(editor, "mdo.start"));
        _app.Connector.ParticipantFault.Release();

        Assert.Contains(TeamsDown, Text(answer), StringComparison.Ordinal);
        Assert.Empty(before.Diff(await SettledAsync(), "inbox"));
        Assert.True(_app.Connector.ParticipantFault.Requests > 0);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Graph_Unavailable_SendFeedbackKeepsTheTextAndSaysTryAgain_NothingRecorded(FaultMode mode)
    {
        var graph = await FakeGraphMail.StartAsync();
        _owned.Add(graph);
        await StartAsync(DependencyStandIns.WithGraph(DependencyStandIns.ShortBudget("Graph"), graph), DependencyStandIns.UseGraph);
        var scenario = new MdoScenario(_app, _chat);
        var caseCard = await scenario.StartAsync(await scenario.AddCasesAsync(await scenario.OpenEditorAsync(), new CaseFields("Gezin A")), "Gezin A");
        await scenario.SaveCaseRecordAsync(caseCard, "Rust en regelmaat", null, Nurse.Id);
        await scenario.CloseAsync();
        var (personal, draft) = await scenario.FeedbackDraftAsync(Nurse, "Gezin A");
        var before = await SettledAsync();
        graph.Fault.Mode = mode;
        var send = ActionData(draft, "feedback.send");
        send["feedbackText"] = "Beste ouders, de JGZ belt u volgende week.";
        send["parentEmail"] = "ouder@example.nl";

        var response = await _app.PostAsync(scenario.PersonalInvoke(Nurse, personal, send));
        var answer = await response.JsonAsync();
        graph.Fault.Release();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Microsoft 365 is nu niet bereikbaar", Text(answer), StringComparison.Ordinal);
        Assert.Contains("de JGZ belt u volgende week", Text(answer), StringComparison.Ordinal);
        Assert.DoesNotContain("SentByEmail", _app.MdoJson(), StringComparison.Ordinal);
        Assert.Empty(before.Diff(await SettledAsync(), "inbox", "conversations")); // the 1:1 chat's reference is stored on first contact
        Assert.Equal(0, graph.Accepted); // (a cold Graph client may use up the budget before its request even reaches the stand-in)
    }
}
