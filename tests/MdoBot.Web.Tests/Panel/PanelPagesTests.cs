using System.Net;

namespace MdoBot.Web.Tests.Panel;

/// <summary>The built page is served by MdoBot itself (no CDN), framed only by Teams; the local stand-in only when enabled.</summary>
public sealed class PanelPagesTests : IAsyncLifetime
{
    private PanelApp _panel = null!;

    public async Task InitializeAsync() => _panel = await PanelApp.StartAsync(new() { ["Panel:DevHost"] = "false" });

    public async Task DisposeAsync() => await _panel.DisposeAsync();

    [Theory]
    [InlineData("/panel/index.html", "text/html")]
    [InlineData("/panel/config.html", "text/html")]
    [InlineData("/panel/lib/MicrosoftTeams.min.js", "text/javascript")]
    [InlineData("/panel/panel.js", "text/javascript")]
    public async Task Page_BuiltFiles_ServedWithAPolicyForMdoBotAndTeamsOnly(string path, string type)
    {
        var response = await _panel.App.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self' https://teams.microsoft.com", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/panel/dev/host.html")]
    [InlineData("/panel/dev/host.js")]
    [InlineData("/panel/..%2Fappsettings.json")]
    [InlineData("/panel/../MdoBot.Web.dll")]
    [InlineData("/panel/missing.html")]
    public async Task Page_StandInOffOrOutsideThePage_NotFound404(string path)
    {
        var response = await _panel.App.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ConfigScript_StandInOff_TellsThePageToTrustOnlyTeamsOrigins()
    {
        var script = await _panel.App.Client.GetStringAsync("/panel/config.js");

        Assert.Contains("devHost: false", script, StringComparison.Ordinal);
    }
}
