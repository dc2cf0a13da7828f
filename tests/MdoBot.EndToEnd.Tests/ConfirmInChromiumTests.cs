using System.Globalization;
using System.Text.Json.Nodes;
using MdoBot.EndToEnd.Tests.Harness;
using MdoBot.Testing;
using Microsoft.Playwright;

namespace MdoBot.EndToEnd.Tests;

/// <summary>
/// The owner confirms an action in the Playground's real web UI, in a headless Debian Chromium driven by
/// Playwright (never a downloaded browser): the card rendered by the Playground's Adaptive Cards renderer
/// turns into "Confirmed by …". Screenshots before and after the click go to TestResults/e2e/.
/// </summary>
public sealed class ConfirmInChromiumTests(PlaygroundHarness playground) : IClassFixture<PlaygroundHarness>
{
    private const string ActionText = "calls the GP about Gezin C";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private static string ScreenshotDir => Path.Combine(SharedPaths.RepoRoot, "TestResults", "e2e");

    [Fact]
    public async Task ConfirmButton_ClickedByOwnerInBrowser_CardShowsConfirmedForEveryone()
    {
        var config = playground.Config;
        var me = config.CurrentUser;
        Directory.CreateDirectory(ScreenshotDir);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var userDataDir = Directory.CreateTempSubdirectory("mdobot-chromium-");
        try
        {
            using var pw = await Playwright.CreateAsync();
            await using var browser = await pw.Chromium.LaunchPersistentContextAsync(userDataDir.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ChromiumPath(),
                Headless = true,
                Args = ChromiumArgs,
                ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
                Locale = "en-US",
            });
            // Offline: only the Playground on loopback (its UI would fetch fonts from a Microsoft CDN).
            await browser.RouteAsync(url => !url.StartsWith(playground.PlaygroundUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal), route => route.AbortAsync());
            var page = browser.Pages.FirstOrDefault() ?? await browser.NewPageAsync();

            // Open the meeting chat first: the UI shows only messages that arrive while it is connected.
            var cursor = playground.Cursor;
            await page.GotoAsync(playground.PlaygroundUrl.ToString());
            await page.GetByText(config.GroupChatName, new PageGetByTextOptions { Exact = true }).ClickAsync();
            await playground.WaitForCardAsync(config.GroupChatId, ["Welkom bij MdoBot", "Welcome to MdoBot"], cursor); // the UI installed the bot
            await page.Locator(".ac-adaptiveCard").First.WaitForAsync();

            // Through REST as the current user: agenda, a case, start, an action for the current user.
            var actionCard = await PrepareActionForCurrentUserAsync();

            var card = page.Locator(".ac-adaptiveCard").Filter(new LocatorFilterOptions { Has = page.GetByText(ActionText, new PageGetByTextOptions { Exact = true }) });
            var confirm = card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Confirm", Exact = true });
            await confirm.WaitForAsync();
            await confirm.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(card).ToContainTextAsync($"{me.Name}, will you confirm this action?");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, "confirm-action-before.png") });

            cursor = playground.Cursor;
            var invoke = await page.RunAndWaitForResponseAsync(
                () => confirm.ClickAsync(), r => r.Url.EndsWith("/_conversation/v1/invoke", StringComparison.Ordinal));

            // The browser's invoke carried the current user and the card's verb; MdoBot answered with the confirmed card.
            var sent = JsonNode.Parse(invoke.Request.PostData ?? "{}")!;
            Assert.Equal(me.Id, (string?)sent["from"]?["id"]);
            Assert.Equal("action.confirm", (string?)sent["value"]?["action"]?["verb"]);
            Assert.Equal(actionCard.MessageId, (string?)sent["replyToId"]);
            Assert.Equal(200, invoke.Status);
            Assert.Contains($"Confirmed by {me.Name}", await invoke.TextAsync(), StringComparison.Ordinal);

            // The real UI shows the confirmed state, without the buttons; every client got the update.
            await Assertions.Expect(card).ToContainTextAsync($"Confirmed by {me.Name}");
            await Assertions.Expect(confirm).ToHaveCountAsync(0);
            var update = await playground.WaitForBotMessageAsync(
                m => m.IsUpdate && m.MessageId == actionCard.MessageId, cursor, what: "the update of the action card");
            Assert.Contains($"Confirmed by {me.Name}", update.CardJson(), StringComparison.Ordinal);
            await card.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, "confirm-action.png") });
        }
        finally
        {
            try
            {
                userDataDir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // best effort: Chromium may still be releasing files
            }
        }
    }

    private async Task<PlaygroundMessage> PrepareActionForCurrentUserAsync()
    {
        var config = playground.Config;
        var chat = config.GroupChatId;
        var cursor = playground.Cursor;
        await playground.SendMessageAsync(chat, config.Bot.At + " agenda");
        var editor = await playground.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == chat && m.HasVerb("agenda.addCase"), cursor, what: "the agenda editor");
        var added = await playground.PressAsync(editor, "agenda.addCase", inputs: new Dictionary<string, JsonNode?> { ["code"] = "Gezin C", ["timeBox"] = "20" });
        Assert.NotNull(added?.Card);

        cursor = playground.Cursor;
        await playground.SendMessageAsync(chat, config.Bot.At + " start");
        await playground.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == chat && m.HasVerb("case.save"), cursor, what: "the case card");

        cursor = playground.Cursor;
        var due = DateTimeOffset.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await playground.SendMessageAsync(chat, $"{config.Bot.At} action {config.CurrentUser.At} {ActionText} by {due}");
        var actionCard = await playground.WaitForBotMessageAsync(
            m => m.IsCreate && m.ConversationId == chat && m.HasVerb("action.confirm"), cursor, what: "the action card");
        Assert.Equal(new[] { config.CurrentUser.Id }, actionCard.MentionedIds());
        return actionCard;
    }

    /// <summary>Debian's Chromium (or <c>$CHROMIUM_PATH</c>); a missing browser fails the test with a hint, never a download.</summary>
    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } fromEnv ? fromEnv : "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Chromium was not found at {path}. Install Debian's `chromium` package or set CHROMIUM_PATH.");
    }
}
