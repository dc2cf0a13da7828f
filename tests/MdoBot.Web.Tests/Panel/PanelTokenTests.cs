using System.Net;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Panel;

/// <summary>The panel accepts only a valid Entra v2 SSO token of a served tenant, for MdoBot's app id or resource URI.</summary>
public sealed class PanelTokenTests : IAsyncLifetime
{
    private const string OtherTenant = "99999999-0000-0000-0000-000000000009";
    private PanelApp _panel = null!;

    public async Task InitializeAsync() => _panel = await PanelApp.StartAsync();

    public async Task DisposeAsync() => await _panel.DisposeAsync();

    private string Oid => PanelApp.ObjectIds[Chair.Id];

    private DateTimeOffset Now => _panel.App.Time.GetUtcNow();

    [Fact]
    public async Task Token_ForAppIdOrResourceUri_Accepted()
    {
        var byAppId = await _panel.GetStateAsync(_panel.Entra.Token(PanelApp.Tenant, Oid, PanelApp.AppId, Now));
        var byResource = await _panel.GetStateAsync(_panel.Entra.Token(PanelApp.Tenant, Oid, PanelApp.Resource, Now));

        Assert.Equal(HttpStatusCode.OK, byAppId.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byResource.StatusCode);
    }

    [Fact]
    public async Task Token_Forged_Unauthorized401()
    {
        var response = await _panel.GetStateAsync(_panel.Entra.Token(PanelApp.Tenant, Oid, PanelApp.AppId, Now, forged: true));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_Expired_Unauthorized401()
    {
        var response = await _panel.GetStateAsync(_panel.Entra.Token(PanelApp.Tenant, Oid, PanelApp.AppId, Now, lifetime: TimeSpan.FromMinutes(-10)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_ExpiredByTheManualClock_Unauthorized401()
    {
        var token = _panel.TokenFor(Chair);
        _panel.App.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6)); // past expiry plus the 5 minutes' skew

        var response = await _panel.GetStateAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_ForeignTenant_Unauthorized401WithoutFetchingItsKeys()
    {
        var response = await _panel.GetStateAsync(_panel.Entra.Token(OtherTenant, Oid, PanelApp.AppId, Now));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _panel.Entra.MetadataRequests);
    }

    [Fact]
    public async Task Token_IssuerOfAnotherTenant_Unauthorized401()
    {
        var response = await _panel.GetStateAsync(_panel.Entra.Token(PanelApp.Tenant, Oid, PanelApp.AppId, Now, issuerTenant: OtherTenant));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_ForAnotherAudience_Unauthorized401()
    {
        var response = await _panel.GetStateAsync(_panel.Entra.Token(PanelApp.Tenant, Oid, "api://elsewhere.example/other", Now));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    [InlineData("dev:72f988bf-0000-0000-0000-000000000001:0a0a0a0a-0000-0000-0000-00000000000a")]
    public async Task Token_MissingMalformedOrDevelopmentOutsideDevelopment_Unauthorized401(string? token)
    {
        var state = await _panel.GetStateAsync(token);
        var events = await _panel.App.Client.SendAsync(_panel.Request(HttpMethod.Get, _panel.EventsPath, token));
        var action = await _panel.ActAsync(token, "next", 1);

        Assert.Equal(HttpStatusCode.Unauthorized, state.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, events.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, action.StatusCode);
    }
}
