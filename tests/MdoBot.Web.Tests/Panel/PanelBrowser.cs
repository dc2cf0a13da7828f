using MdoBot.Testing;
using Microsoft.Playwright;

namespace MdoBot.Web.Tests.Panel;

/// <summary>
/// Debian's Chromium (never a downloaded browser) driven by Playwright, loading the panel inside MdoBot's local Teams
/// stand-in page (<c>/panel/dev/host.html</c>), which answers teams-js over postMessage; its <c>getAuthToken</c> returns
/// a token signed by <see cref="EntraTestServer"/>. Every request off MdoBot's own origin is aborted (no CDN).
/// </summary>
public sealed class PanelBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PanelBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static string ScreenshotDir => Path.Combine(SharedPaths.RepoRoot, "TestResults", "panel");

    /// <summary>Requests the page made outside MdoBot's origin (must stay empty: no CDN at run time).</summary>
    public List<string> Blocked { get; } = [];

    public static async Task<PanelBrowser> LaunchAsync()
    {
        Directory.CreateDirectory(ScreenshotDir);
        Assertions.SetDefaultExpectTimeout(15_000); // the machine is shared: allow for a slow first render
        var path = ChromiumLaunch.ExecutablePath();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = ChromiumLaunch.Args });
        return new PanelBrowser(playwright, browser);
    }

    /// <summary>Opens the stand-in host as <paramref name="user"/> with a Teams locale, in the side panel or on the stage.</summary>
    public async Task<IPage> OpenAsync(PanelApp panel, (string Id, string Name) user, string locale, string frame = "sidePanel")
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 820 },
            Locale = locale,
        });
        var origin = panel.BaseAddress.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync(url => !url.StartsWith(origin, StringComparison.Ordinal), async route =>
        {
            Blocked.Add(route.Request.Url);
            await route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        await page.ExposeFunctionAsync("mdobotHostToken", () => panel.TokenFor(user));
        var query = $"chat={Uri.EscapeDataString(panel.Chat.ConversationId)}&meeting={Uri.EscapeDataString(panel.Chat.MeetingId)}"
            + $"&tid={PanelApp.Tenant}&oid={PanelApp.ObjectIds[user.Id]}&locale={locale}&frame={frame}";
        await page.GotoAsync(new Uri(panel.BaseAddress, "/panel/dev/host.html?" + query).ToString());
        return page;
    }

    public static IFrameLocator Side(IPage page) => page.FrameLocator("#side");

    public static IFrameLocator Stage(IPage page) => page.FrameLocator("#stage");

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png") });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
