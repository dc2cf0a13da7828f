using System.Net;
using MdoBot.Web.Tests.Legacy;
using MdoBot.Web.Tests.Security;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

public sealed class PrivacyGuardTests : MeetingChatTest
{
    protected override Task<BotApp> StartAppAsync() => BotApp.StartAsync(new() { ["Security:AllowedTenants:0"] = "72f988bf-0000-0000-0000-000000000001" });

    protected override async Task ArrangeAsync()
    {
        await Chat.SayAsync(Chair, "agenda");
        // The agenda card is delivered in the background and then recorded (posted_cards): let that finish, so the
        // tests' before/after row counts see only what the refused activity did.
        await StoredState.WaitUntilAsync(() => App.PendingOutbox() == 0 && App.Query<long>("SELECT COUNT(*) FROM posted_cards") > 0, "the agenda card recorded");
    }

    private async Task<System.Text.Json.Nodes.JsonObject> AddCaseDataAsync()
    {
        var editor = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"))).Card!;
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
        var before = App.TableCounts();

        var response = await Chat.InvokeAsync(Chair, data);

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)response!["type"]);
        Assert.Equal(before["documents"], App.TableCounts()["documents"]);
        Assert.DoesNotContain(text, App.MdoJson(), StringComparison.Ordinal);
        Assert.DoesNotContain(text, response.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCase_PhoneMeetingDateCaseNumber_Accepted()
    {
        var data = await AddCaseDataAsync();
        data["code"] = "2026-031";
        data["question"] = "Huisbezoek op 12-11-2025 ging goed; moeder bereikbaar op 06 12 34 56 78, zaak 2026-017-04";

        var response = await Chat.InvokeAsync(Chair, data);

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response!["type"]);
        Assert.Contains("06 12 34 56 78", App.MdoJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCase_FutureDueDateAndPseudonymousCode_Accepted()
    {
        var data = await AddCaseDataAsync();
        data["code"] = "2026-017";
        data["question"] = "Evaluatie voor 1-3-2027 afspreken";
        var response = await Chat.InvokeAsync(Chair, data);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response!["type"]);
        Assert.Contains("2026-017", App.MdoJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_WithBsn_RefusedWithCard()
    {
        await Chat.SayAsync(Chair, "actie @Bram belt over 123456782 voor morgen");
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("Pas je tekst aan"));
        Assert.DoesNotContain(App.Connector.Calls, c => c.Json.Contains("123456782", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OtherTenant_Message_PoliteRefusalNothingStored()
    {
        var before = App.StateCounts();
        var activity = App.Fixture("personal-message");
        activity["text"] = "help";

        var response = await App.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refusal = await App.Connector.WaitForAsync(c => c.Kind == "send" && c.Title is { } t && t.Contains("not available", StringComparison.Ordinal));
        Assert.Null(refusal.Card);
        Assert.Equal(before, App.StateCounts());
    }

    [Fact]
    public async Task OtherTenant_Invoke_Forbidden()
    {
        var activity = App.Fixture("personal-invoke-adaptiveCardAction");
        activity["value"]!["action"]!["verb"] = "help.show";
        var before = App.StateCounts();

        var response = await App.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, App.StateCounts());
    }
}
