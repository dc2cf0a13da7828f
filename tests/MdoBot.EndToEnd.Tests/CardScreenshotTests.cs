using System.Globalization;
using System.Text.Json.Nodes;
using MdoBot.EndToEnd.Tests.Harness;
using Microsoft.Playwright;

namespace MdoBot.EndToEnd.Tests;

/// <summary>
/// The case card, the summary and the parents' feedback draft as the Playground's web UI renders them, in headless
/// Debian Chromium (as in <see cref="ConfirmInChromiumTests"/>). The chair's client is English; the letter is Dutch.
/// The screenshots are kept in TestResults/e2e/ for a person to look at.
/// </summary>
public sealed class CardScreenshotTests(PlaygroundHarness playground) : IClassFixture<PlaygroundHarness>
{
    private const string Code = "Gezin D";

    /// <summary>How long the UI may take to render a card (the machine may be busy; Playwright's default is 5 s).</summary>
    private const float UiTimeout = 30_000;

    [Fact]
    public async Task CaseCardSummaryAndFeedbackDraft_RenderedInChromium_ScreenshotsKept()
    {
        var config = playground.Config;
        await using var session = await PlaygroundBrowser.OpenAsync(playground);
        var page = session.Page;
        await session.OpenMeetingChatAsync(playground);

        await RunMdoAsync();
        var caseCard = Card(page, "The family's view");
        await Assertions.Expect(caseCard.Last).ToContainTextAsync("Actions — who does what (1)", new LocatorAssertionsToContainTextOptions { Timeout = UiTimeout });
        await Shoot(caseCard.Last, "case-card.png");

        // The controls are at the top; the family's view and the actions open with their Show / hide buttons.
        var toggles = caseCard.Last.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Show / hide" });
        await Assertions.Expect(toggles).ToHaveCountAsync(2, new LocatorAssertionsToHaveCountOptions { Timeout = UiTimeout });
        await Assertions.Expect(caseCard.Last).Not.ToContainTextAsync("Een rustige start met de baby", new LocatorAssertionsToContainTextOptions { Timeout = UiTimeout });
        await toggles.Nth(0).ClickAsync();
        await toggles.Nth(1).ClickAsync();
        await Assertions.Expect(caseCard.Last).ToContainTextAsync("Een rustige start met de baby", new LocatorAssertionsToContainTextOptions { Timeout = UiTimeout });
        await Assertions.Expect(caseCard.Last).ToContainTextAsync("Belt de verloskundige", new LocatorAssertionsToContainTextOptions { Timeout = UiTimeout });
        await Shoot(caseCard.Last, "case-card-expanded.png");

        var cursor = playground.Cursor;
        await playground.SendMessageAsync(config.GroupChatId, config.Bot.At + " close");
        await playground.WaitForCardAsync(config.GroupChatId, ["Summary"], cursor);
        var summary = Card(page, "Total: time box 20 min + 5 min extension");
        await Assertions.Expect(summary).ToContainTextAsync("Time: time box 20 min + 5 min extension", new LocatorAssertionsToContainTextOptions { Timeout = UiTimeout });
        await Shoot(summary, "summary.png");

        // The case lead's draft arrives in their 1:1 chat with MdoBot: the letter in Dutch, the card around it in English.
        await playground.WaitForCardAsync(config.PersonalChatId, [$"Feedback for the parents — {Code}"], cursor);
        await page.GetByRole(AriaRole.Treeitem, new PageGetByRoleOptions { Name = "Personal Chat" }).ClickAsync();
        var draft = Card(page, $"Feedback for the parents — {Code}");
        await Assertions.Expect(draft).ToContainTextAsync("Language of the letter", new LocatorAssertionsToContainTextOptions { Timeout = UiTimeout });
        await Assertions.Expect(draft.Locator("textarea")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Beste ouder\\(s\\)"), new LocatorAssertionsToHaveValueOptions { Timeout = UiTimeout });
        await Shoot(draft, "feedback-draft.png");
    }

    /// <summary>Agenda, one case with the family's view, start, goal and case lead (the chair), an action, an extension.</summary>
    private async Task RunMdoAsync()
    {
        var config = playground.Config;
        var chat = config.GroupChatId;
        var cursor = playground.Cursor;
        await playground.SendMessageAsync(chat, config.Bot.At + " agenda");
        var editor = await playground.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == chat && m.HasVerb("agenda.addCase"), cursor, what: "the agenda editor");
        await playground.PressAsync(editor, "agenda.addCase", inputs: Values(
            ("code", Code), ("timeBox", "20"), ("question", "How do we support the parents after the birth?"),
            ("familyWants", "Een rustige start met de baby"), ("familyCan", "Oma helpt twee dagen per week"), ("familyNeeds", "Hulp bij het slapen")));

        cursor = playground.Cursor;
        await playground.SendMessageAsync(chat, config.Bot.At + " start");
        var caseCard = await playground.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == chat && m.HasVerb("case.save"), cursor, what: "the case card");
        await playground.PressAsync(caseCard, "case.save", inputs: Values(("goal", "Veilig opgroeien"), ("decisions", "Kraamzorg verlengen"), ("caseLead", config.CurrentUser.Id)));
        var due = DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        cursor = playground.Cursor;
        await playground.PressAsync(caseCard, "case.addAction", inputs: Values(("actionOwner", config.CurrentUser.Id), ("actionText", "Belt de verloskundige"), ("actionDue", due)));
        var action = await playground.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == chat && m.HasVerb("action.confirm"), cursor, what: "the action card");
        await playground.PressAsync(action, "action.confirm");
        cursor = playground.Cursor;
        await playground.SendMessageAsync(chat, config.Bot.At + " extend 5");
        await playground.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == chat && m.Text?.StartsWith("5 minutes added", StringComparison.Ordinal) == true, cursor, what: "the extension");
    }

    private static ILocator Card(IPage page, string text) =>
        page.Locator(".ac-adaptiveCard").Filter(new LocatorFilterOptions { HasText = text });

    private static async Task Shoot(ILocator card, string file)
    {
        await card.ScrollIntoViewIfNeededAsync();
        var path = Path.Combine(PlaygroundBrowser.ScreenshotDir, file);
        await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        Assert.True(new FileInfo(path).Length > 1000, $"{file} is empty");
    }

    private static Dictionary<string, JsonNode?> Values(params (string Id, string Value)[] values) =>
        values.ToDictionary(v => v.Id, v => (JsonNode?)JsonValue.Create(v.Value));
}
