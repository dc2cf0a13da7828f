using System.Net;
using MdoBot.Web.Tests.Security;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Panel;

/// <summary>The side panel's API over real HTTP: what it shows, and that its chair controls are the card verbs.</summary>
public sealed class PanelApiTests : IAsyncLifetime
{
    private PanelApp _panel = null!;

    public async Task InitializeAsync() => _panel = await PanelApp.StartAsync();

    public async Task DisposeAsync() => await _panel.DisposeAsync();

    [Fact]
    public async Task State_Participant_ShowsAgendaCurrentCaseAndStoredTimeBox()
    {
        _panel.App.Time.Advance(TimeSpan.FromMinutes(7));

        var state = await _panel.StateAsync(Nurse);

        Assert.Equal("Running", (string?)state["state"]);
        Assert.False((bool)state["isChair"]!);
        Assert.Equal(["current", "next"], state["cases"]!.AsArray().Select(c => (string?)c!["place"]));
        var current = state["current"]!;
        Assert.Equal("Gezin A", (string?)current["code"]);
        Assert.Equal(PanelApp.Question, (string?)current["question"]);
        Assert.Equal(PanelApp.Goal, (string?)current["sharedGoal"]);
        var now = DateTimeOffset.Parse((string)state["serverNow"]!, System.Globalization.CultureInfo.InvariantCulture);
        var ends = DateTimeOffset.Parse((string)current["endsAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        var warns = DateTimeOffset.Parse((string)current["warningAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(_panel.App.Time.GetUtcNow(), now);
        Assert.Equal(TimeSpan.FromMinutes(13), ends - now);
        Assert.Equal(TimeSpan.FromMinutes(5), ends - warns);
    }

    [Fact]
    public async Task State_StageView_CarriesOnlyCaseCodesAndTimes()
    {
        var response = await _panel.GetStateAsync(_panel.TokenFor(Chair), _panel.StatePath + "?view=stage");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Gezin A", body, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelApp.Question, body, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelApp.Goal, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Nurse.Name, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Chair.Name, body, StringComparison.Ordinal);
        Assert.Contains("\"isChair\":false", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_Chair_RunsTheCardVerbWithAuditTimersAndCardUpdates()
    {
        var before = await _panel.StateAsync(Chair);
        var audits = _panel.App.AuditCount("mdo.nextCase");

        var response = await _panel.ActAsync(_panel.TokenFor(Chair), "next", (long)before["version"]!);
        var after = (await response.JsonAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Gezin B", (string?)after["current"]!["code"]);
        Assert.Equal(["done", "current"], after["cases"]!.AsArray().Select(c => (string?)c!["place"]));
        Assert.Equal(audits + 1, _panel.App.AuditCount("mdo.nextCase"));
        Assert.Equal(_panel.App.Query<string>("SELECT user_id FROM audit WHERE action = 'mdo.nextCase'"), Chair.Id);
        Assert.True(_panel.App.Query<long>("SELECT COUNT(*) FROM timers WHERE timer_key LIKE '%' || $p0 || '%'", _panel.MdoId) > 0);
        await _panel.Scenario.NextChatCardAsync("case.save", "Gezin B"); // the next case card, posted in the chat as for the card verb
        await _panel.App.Connector.WaitForAsync(c => c.Kind == "update" && c.ConversationId == _panel.Chat.ConversationId && c.IsCard("Gezin A"));
    }

    [Fact]
    public async Task Extend_Chair_AddsFiveMinutesToTheStoredTimeBox()
    {
        var before = await _panel.StateAsync(Chair);

        var response = await _panel.ActAsync(_panel.TokenFor(Chair), "extend", (long)before["version"]!);
        var after = (await response.JsonAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(25, (int)after["current"]!["minutes"]!);
        Assert.Equal(1, _panel.App.AuditCount("case.extended"));
    }

    [Fact]
    public async Task Close_Chair_ClosesTheMdoAndPostsTheSummary()
    {
        var before = await _panel.StateAsync(Chair);

        var response = await _panel.ActAsync(_panel.TokenFor(Chair), "close", (long)before["version"]!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Closed", (string?)(await response.JsonAsync())!["state"]);
        await _panel.Scenario.NextChatCardAsync("Samenvatting");
    }

    [Theory]
    [InlineData("next")]
    [InlineData("extend")]
    [InlineData("close")]
    public async Task Action_NonChair_Forbidden403AndNothingChanged(string action)
    {
        var before = await _panel.StateAsync(Nurse);
        await _panel.App.DrainAsync();
        var counts = _panel.App.StateCounts();
        var json = _panel.App.MdoJson();

        var response = await _panel.ActAsync(_panel.TokenFor(Nurse), action, (long)before["version"]!);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(counts, _panel.App.StateCounts());
        Assert.Equal(json, _panel.App.MdoJson());
    }

    [Fact]
    public async Task Action_MeetingOrganizerNotYetChair_ControlsShownAndTheCardVerbMakesThemChair()
    {
        _panel.App.Connector.MeetingRoles[_panel.Chat.MeetingId + "|" + Nurse.Id] = "Organizer";
        var before = await _panel.StateAsync(Nurse);
        Assert.True((bool)before["isChair"]!);

        var response = await _panel.ActAsync(_panel.TokenFor(Nurse), "extend", (long)before["version"]!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(25, (int)(await response.JsonAsync())!["current"]!["minutes"]!);
        var chairs = System.Text.Json.Nodes.JsonNode.Parse(_panel.App.MdoJson())!["chairs"]!.AsArray().Select(c => (string?)c!["id"]);
        Assert.Equal([Chair.Id, Nurse.Id], chairs);
    }

    [Fact]
    public async Task Action_StaleVersion_Conflict409WithCurrentStateAndNothingChanged()
    {
        var before = await _panel.StateAsync(Chair);
        var json = _panel.App.MdoJson();

        var response = await _panel.ActAsync(_panel.TokenFor(Chair), "next", (long)before["version"]! - 1);
        var body = (await response.JsonAsync())!;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal((long)before["version"]!, (long)body["state"]!["version"]!);
        Assert.Equal("Gezin A", (string?)body["state"]!["current"]!["code"]);
        Assert.Equal(json, _panel.App.MdoJson());
    }

    [Fact]
    public async Task Action_UnknownMdoOrChat_NotFound404()
    {
        var token = _panel.TokenFor(Chair);

        var unknownMdo = await _panel.ActAsync(token, "next", 1, mdoId: "doesnotexist");
        var unknownChat = await _panel.GetStateAsync(token, "/api/panel/chats/" + Uri.EscapeDataString("19:meeting_other@thread.v2") + "/state");

        Assert.Equal(HttpStatusCode.NotFound, unknownMdo.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownChat.StatusCode);
    }

    [Theory]
    [InlineData("{\"action\":\"erase\",\"mdoId\":\"x\",\"version\":1}", HttpStatusCode.BadRequest)]
    [InlineData("{\"action\":\"next\",\"version\":1}", HttpStatusCode.BadRequest)]
    [InlineData("not json", HttpStatusCode.BadRequest)]
    public async Task Action_BadBody_RefusedQuickly(string body, HttpStatusCode expected)
    {
        var request = _panel.Request(HttpMethod.Post, _panel.ActionsPath, _panel.TokenFor(Chair));
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var response = await _panel.App.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Action_OversizedBody_PayloadTooLarge413()
    {
        var request = _panel.Request(HttpMethod.Post, _panel.ActionsPath, _panel.TokenFor(Chair));
        request.Content = new StringContent("{\"action\":\"next\",\"pad\":\"" + new string('x', 10_000) + "\"}", System.Text.Encoding.UTF8, "application/json");

        var response = await _panel.App.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task State_UserNotInTheChat_Forbidden403()
    {
        var stranger = _panel.Entra.Token(PanelApp.Tenant, "0d0d0d0d-0000-0000-0000-00000000000d", PanelApp.AppId, _panel.App.Time.GetUtcNow());

        var response = await _panel.GetStateAsync(stranger);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
