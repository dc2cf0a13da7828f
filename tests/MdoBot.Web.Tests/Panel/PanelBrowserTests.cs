using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static MdoBot.Web.Tests.MeetingChat;
using static MdoBot.Web.Tests.Panel.PanelBrowser;

namespace MdoBot.Web.Tests.Panel;

/// <summary>The side panel and the stage in a real browser, inside the local Teams stand-in.</summary>
public sealed partial class PanelBrowserTests : IAsyncLifetime
{
    private PanelApp _panel = null!;
    private PanelBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _panel = await PanelApp.StartAsync();
        _browser = await PanelBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _panel.DisposeAsync();
    }

    [Fact]
    public async Task SidePanel_ManualClock_CountdownMatchesStoredTimeBoxThenAmberThenRed()
    {
        _panel.App.Time.Advance(TimeSpan.FromMinutes(7)); // 20-minute time box: 13:00 left
        var page = await _browser.OpenAsync(_panel, Nurse, "nl-NL");
        var side = Side(page);
        var countdown = side.Locator("#countdown");
        await Assertions.Expect(countdown).ToHaveTextAsync(Countdown());

        var left = Seconds(await countdown.TextContentAsync());
        Assert.InRange(left, 13 * 60 - 5, 13 * 60); // the page counts on from the server's time, a few real seconds at most
        await Assertions.Expect(side.Locator("#clock")).ToHaveAttributeAsync("data-phase", "ok");
        await Assertions.Expect(side.Locator("#case-question")).ToHaveTextAsync(PanelApp.Question);
        await Assertions.Expect(side.Locator("#case-goal")).ToHaveTextAsync(PanelApp.Goal);
        await Assertions.Expect(side.Locator("#agenda")).ToContainTextAsync("Gezin B · 15 min · hierna");
        await ScreenshotAsync(page, "side-panel-nl");

        _panel.App.Time.Advance(TimeSpan.FromMinutes(9)); // 4:00 left: past the 5-minute warning
        await Assertions.Expect(side.Locator("#clock")).ToHaveAttributeAsync("data-phase", "warning");
        Assert.InRange(Seconds(await countdown.TextContentAsync()), 4 * 60 - 5, 4 * 60);
        await ScreenshotAsync(page, "side-panel-nl-warning");

        _panel.App.Time.Advance(TimeSpan.FromMinutes(5)); // one minute over
        await Assertions.Expect(side.Locator("#clock")).ToHaveAttributeAsync("data-phase", "over");
        await Assertions.Expect(countdown).ToHaveTextAsync(new Regex("^-01:0[0-5]$"));
        await Assertions.Expect(side.Locator("#clock-note")).ToHaveTextAsync("Tijd voorbij");
        await ScreenshotAsync(page, "side-panel-nl-over");
        Assert.Empty(_browser.Blocked);
    }

    [Fact]
    public async Task SidePanel_NonChair_SeesNoChairControls()
    {
        var page = await _browser.OpenAsync(_panel, Nurse, "nl-NL");

        await Assertions.Expect(Side(page).Locator("#countdown")).ToHaveTextAsync(Countdown());
        await Assertions.Expect(Side(page).Locator("#controls")).ToBeHiddenAsync();
        await Assertions.Expect(Side(page).Locator("#btn-share")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SidePanel_CardClickInChat_UpdatesOpenPanelWithinOneSecond()
    {
        var page = await _browser.OpenAsync(_panel, Social, "nl-NL");
        var code = Side(page).Locator("#clock-code");
        await Assertions.Expect(code).ToHaveTextAsync("Gezin A");

        await _panel.Chat.InvokeAsync(Chair, ActionData(_panel.CaseCard, "mdo.next"));

        await Assertions.Expect(code).ToHaveTextAsync("Gezin B", new LocatorAssertionsToHaveTextOptions { Timeout = 1000 });
        await Assertions.Expect(Side(page).Locator("#agenda")).ToContainTextAsync("Gezin A · 20 min · besproken");
    }

    [Fact]
    public async Task SidePanel_ChairPressesNext_SameOperationAsTheCardAndTheChatCardsUpdate()
    {
        var page = await _browser.OpenAsync(_panel, Chair, "en-US");
        var side = Side(page);
        await Assertions.Expect(side.Locator("#countdown")).ToHaveTextAsync(Countdown());
        await Assertions.Expect(side.Locator("#controls")).ToBeVisibleAsync();
        await Assertions.Expect(side.Locator("#btn-next")).ToHaveTextAsync("Next case");
        await ScreenshotAsync(page, "side-panel-en-chair");

        await side.Locator("#btn-next").ClickAsync();

        await Assertions.Expect(side.Locator("#clock-code")).ToHaveTextAsync("Gezin B");
        Assert.Equal(1, _panel.App.AuditCount("mdo.nextCase"));
        await _panel.Scenario.NextChatCardAsync("case.save", "Gezin B");
        await _panel.App.Connector.WaitForAsync(c => c.Kind == "update" && c.ConversationId == _panel.Chat.ConversationId && c.IsCard("Gezin A"));
    }

    [Theory]
    [InlineData("nl-NL", "Delen op het scherm", "nu")]
    [InlineData("en-US", "Share to stage", "now")]
    public async Task ShareToStage_FromSidePanel_ShowsReadOnlyStageWithOnlyCaseCodes(string locale, string share, string now)
    {
        _panel.App.Time.Advance(TimeSpan.FromMinutes(3));
        var page = await _browser.OpenAsync(_panel, Chair, locale);
        var side = Side(page);
        await Assertions.Expect(side.Locator("#btn-share")).ToHaveTextAsync(share);
        await Assertions.Expect(side.Locator("#countdown")).ToHaveTextAsync(Countdown());
        await ScreenshotAsync(page, "side-panel-" + locale[..2]);

        await side.Locator("#btn-share").ClickAsync();

        var stage = Stage(page);
        await Assertions.Expect(stage.Locator("body")).ToHaveAttributeAsync("data-view", "stage");
        await Assertions.Expect(stage.Locator("#countdown")).ToHaveTextAsync(Countdown());
        await Assertions.Expect(stage.Locator("#agenda")).ToContainTextAsync($"Gezin A · 20 min · {now}");
        await Assertions.Expect(stage.Locator("#controls")).ToBeHiddenAsync();
        await Assertions.Expect(stage.Locator("#btn-share")).ToBeHiddenAsync();
        var text = await stage.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(PanelApp.Question, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelApp.Goal, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Nurse.Name, text, StringComparison.Ordinal);
        Assert.EndsWith("/panel/index.html", (string)(await page.EvaluateAsync<string>("window.mdobotSharedUrl")), StringComparison.Ordinal);
        await ScreenshotAsync(page, "stage-" + locale[..2]);

        var stageOnly = await _browser.OpenAsync(_panel, Social, locale, "meetingStage");
        await Assertions.Expect(Stage(stageOnly).Locator("#countdown")).ToHaveTextAsync(Countdown());
        await ScreenshotAsync(stageOnly, "stage-only-" + locale[..2]);
    }

    [Fact]
    public async Task Page_AfterUse_LeavesNothingInBrowserStorageAndNoCareTextInUrls()
    {
        var page = await _browser.OpenAsync(_panel, Chair, "nl-NL");
        var urls = new List<string>();
        page.Request += (_, r) => urls.Add(r.Url);
        await Assertions.Expect(Side(page).Locator("#case-question")).ToHaveTextAsync(PanelApp.Question);
        await Assertions.Expect(Side(page).Locator("#controls")).ToBeVisibleAsync();
        await Side(page).Locator("#btn-extend").ClickAsync();
        await Assertions.Expect(Side(page).Locator("#agenda")).ToContainTextAsync("Gezin A · 25 min");

        var frame = page.Frames.Single(f => f.Url.EndsWith("/panel/index.html", StringComparison.Ordinal));
        var stored = await frame.EvaluateAsync<int>("localStorage.length + sessionStorage.length");
        Assert.Equal(0, stored);
        Assert.Empty((await page.Context.CookiesAsync()));
        Assert.All(urls, u => Assert.DoesNotContain("Gezin", Uri.UnescapeDataString(u), StringComparison.Ordinal));
        Assert.All(urls, u => Assert.DoesNotContain("rust", Uri.UnescapeDataString(u), StringComparison.OrdinalIgnoreCase));
    }

    private static int Seconds(string? countdown)
    {
        var parts = (countdown ?? string.Empty).TrimStart('-').Split(':');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture) * 60) + int.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^-?\d\d:\d\d$")]
    private static partial Regex Countdown();
}
