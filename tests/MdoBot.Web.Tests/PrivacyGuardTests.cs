using System.Net;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

public sealed class PrivacyGuardTests : IAsyncLifetime
{
    private BotApp _app = null!;
    private MeetingChat _chat = null!;

    public async Task InitializeAsync()
    {
        _app = await BotApp.StartAsync(new() { ["Security:AllowedTenants:0"] = "72f988bf-0000-0000-0000-000000000001" });
        _chat = new MeetingChat(_app);
        _chat.RegisterMembers();
        await _chat.InstallAsync();
        await _chat.SayAsync(Chair, "agenda");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<System.Text.Json.Nodes.JsonObject> AddCaseDataAsync()
    {
        var editor = (await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"))).Card!;
        return ActionData(editor, "agenda.addCase");
    }

    [Theory]
    [InlineData("question", "BSN 123456782 is bekend")]
    [InlineData("question", "bsn: 111.222.333")]
    [InlineData("familyWants", "Geboren op 3-4-2019, wil rust")]
    [InlineData("question", "BSN 11 12 22 333 van vader")]
    [InlineData("question", "bsn 123/456/782")]
    [InlineData("familyWants", "Zoon geb. 12-03-15, wil naar school")]
    [InlineData("familyNeeds", "Dochter 12032015 heeft een plek nodig")]
    [InlineData("code", "Jan Jansen")]
    [InlineData("code", "123456782")]
    public async Task AddCase_SensitiveText_RefusedNotStoredNotLogged(string field, string text)
    {
        var data = await AddCaseDataAsync();
        data["code"] = "Gezin A";
        data[field] = text;
        var before = _app.TableCounts();

        var response = await _chat.InvokeAsync(Chair, data);

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)response!["type"]);
        Assert.Equal(before["documents"], _app.TableCounts()["documents"]);
        Assert.DoesNotContain(text, _app.MdoJson(), StringComparison.Ordinal);
        Assert.DoesNotContain(text, response.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCase_PhoneMeetingDateCaseNumber_Accepted()
    {
        var data = await AddCaseDataAsync();
        data["code"] = "2026-031";
        data["question"] = "Huisbezoek op 12-11-2025 ging goed; moeder bereikbaar op 06 12 34 56 78, zaak 2026-017-04";

        var response = await _chat.InvokeAsync(Chair, data);

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response!["type"]);
        Assert.Contains("06 12 34 56 78", _app.MdoJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCase_FutureDueDateAndPseudonymousCode_Accepted()
    {
        var data = await AddCaseDataAsync();
        data["code"] = "2026-017";
        data["question"] = "Evaluatie voor 1-3-2027 afspreken";
        var response = await _chat.InvokeAsync(Chair, data);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response!["type"]);
        Assert.Contains("2026-017", _app.MdoJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_WithBsn_RefusedWithCard()
    {
        await _chat.SayAsync(Chair, "actie @Bram belt over 123456782 voor morgen");
        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("Pas je tekst aan"));
        Assert.DoesNotContain(_app.Connector.Calls, c => c.Json.Contains("123456782", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OtherTenant_Message_PoliteRefusalNothingStored()
    {
        var before = _app.StateCounts();
        var activity = _app.Fixture("personal-message");
        activity["text"] = "help";

        var response = await _app.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refusal = await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.Title is { } t && t.Contains("not available", StringComparison.Ordinal));
        Assert.Null(refusal.Card);
        Assert.Equal(before, _app.StateCounts());
    }

    [Fact]
    public async Task OtherTenant_Invoke_Forbidden()
    {
        var activity = _app.Fixture("personal-invoke-adaptiveCardAction");
        activity["value"]!["action"]!["verb"] = "help.show";
        var before = _app.StateCounts();

        var response = await _app.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, _app.StateCounts());
    }
}
