using System.Net;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Panel;

/// <summary>Without an app id (development) the panel takes a loopback-only development token, like the bot endpoint.</summary>
public sealed class PanelDevelopmentTokenTests : IAsyncLifetime
{
    private PanelApp _panel = null!;

    public async Task InitializeAsync() => _panel = await PanelApp.StartAsync(new() { ["Panel:AppId"] = "" });

    public async Task DisposeAsync() => await _panel.DisposeAsync();

    [Fact]
    public async Task DevelopmentToken_FromLoopback_IdentifiesTheParticipant()
    {
        var response = await _panel.GetStateAsync($"dev:{PanelApp.Tenant}:{PanelApp.ObjectIds[Chair.Id]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)(await response.JsonAsync())!["isChair"]!);
    }

    [Fact]
    public async Task EntraToken_InDevelopment_Unauthorized401()
    {
        var response = await _panel.GetStateAsync(_panel.TokenFor(Chair));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DevelopmentToken_ForeignTenant_Unauthorized401()
    {
        var response = await _panel.GetStateAsync($"dev:99999999-0000-0000-0000-000000000009:{PanelApp.ObjectIds[Chair.Id]}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
