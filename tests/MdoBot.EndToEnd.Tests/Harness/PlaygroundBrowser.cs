using MdoBot.Testing;
using Microsoft.Playwright;

namespace MdoBot.EndToEnd.Tests.Harness;

/// <summary>
/// The Playground's web UI in headless Debian Chromium driven by Playwright (never a downloaded browser), offline:
/// only the Playground on loopback is reachable (its UI would fetch fonts from a Microsoft CDN). Dispose closes it.
/// </summary>
public sealed class PlaygroundBrowser : IAsyncDisposable
{
    private readonly DirectoryInfo _userDataDir;
    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _browser;

    private PlaygroundBrowser(DirectoryInfo userDataDir, IPlaywright playwright, IBrowserContext browser, IPage page)
    {
        _userDataDir = userDataDir;
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>TestResults/e2e/ in the repository (created): screenshots kept for a person to look at.</summary>
    public static string ScreenshotDir => Directory.CreateDirectory(Path.Combine(MdoBot.Testing.SharedPaths.RepoRoot, "TestResults", "e2e")).FullName;

    /// <summary>
    /// Opens the Playground's meeting chat in the UI, which installs MdoBot there, and waits for its welcome card. Open
    /// it before MdoBot posts: the UI shows only messages that arrive while it is connected.
    /// </summary>
    public async Task OpenMeetingChatAsync(PlaygroundHarness playground)
    {
        ArgumentNullException.ThrowIfNull(playground);
        var cursor = playground.Cursor;
        await Page.GetByText(playground.Config.GroupChatName, new PageGetByTextOptions { Exact = true }).ClickAsync();
        await playground.WaitForCardAsync(playground.Config.GroupChatId, ["Welkom bij MdoBot", "Welcome to MdoBot"], cursor);
        await Page.Locator(".ac-adaptiveCard").First.WaitForAsync();
    }

    /// <summary>Starts Chromium and opens the Playground's UI (no chat selected yet).</summary>
    public static async Task<PlaygroundBrowser> OpenAsync(PlaygroundHarness playground)
    {
        ArgumentNullException.ThrowIfNull(playground);
        var userDataDir = Directory.CreateTempSubdirectory("mdobot-chromium-");
        var pw = await Playwright.CreateAsync();
        var browser = await pw.Chromium.LaunchPersistentContextAsync(userDataDir.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumLaunch.ExecutablePath(),
            Headless = true,
            Args = ChromiumLaunch.Args,
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Locale = "en-US",
        });
        var origin = playground.PlaygroundUrl.GetLeftPart(UriPartial.Authority);
        await browser.RouteAsync(url => !url.StartsWith(origin, StringComparison.Ordinal), route => route.AbortAsync());
        var page = browser.Pages.FirstOrDefault() ?? await browser.NewPageAsync();
        await page.GotoAsync(playground.PlaygroundUrl.ToString());
        return new PlaygroundBrowser(userDataDir, pw, browser, page);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        try
        {
            _userDataDir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // best effort: Chromium may still be releasing files
        }
    }
}
