using System.Globalization;
using System.Text.Json.Nodes;
using MdoBot.EndToEnd.Tests.Harness;
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

    private static string ScreenshotDir => PlaygroundBrowser.ScreenshotDir;

    [Fact]
    public async Task ConfirmButton_ClickedByOwnerInBrowser_CardShowsConfirmedForEveryone()
    {
        var config = playground.Config;
        var me = config.CurrentUser;
        await using var session = await PlaygroundBrowser.OpenAsync(playground);
        var page = session.Page;
        await session.OpenMeetingChatAsync(playground); // first: the UI shows only messages that arrive while it is connected

        // Through REST as the current user: agenda, a case, start, an action for the current user.
        var actionCard = await PrepareActionForCurrentUserAsync();

        var card = page.Locator(".ac-adaptiveCard").Filter(new LocatorFilterOptions { Has = page.GetByText(ActionText, new PageGetByTextOptions { Exact = true }) });
        var confirm = card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Confirm", Exact = true });
        await confirm.WaitForAsync();
        await confirm.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(card).ToContainTextAsync($"{me.Name}, will you confirm this action?");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, "confirm-action-before.png") });

        var cursor = playground.Cursor;
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
}
