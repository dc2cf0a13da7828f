using System.Globalization;
using System.Text.Json.Nodes;
using MdoBot.EndToEnd.Tests.Harness;

namespace MdoBot.EndToEnd.Tests;

/// <summary>
/// An MDO in the Playground's meeting chat where the chair's Teams client is English (the Playground's current user,
/// en-US) and another participant's is Dutch (nl-NL, sent as custom activities): every card the meeting shares is in
/// the MDO's language (English, the chair's), whoever acted last; what only the Dutch participant sees is Dutch.
/// </summary>
public sealed class MixedLanguageEndToEndTests(PlaygroundHarness playground) : IClassFixture<PlaygroundHarness>
{
    private const string Dutch = "nl-NL";

    private string Chat => playground.Config.GroupChatId;

    [Fact]
    public async Task Mdo_EnglishChairDutchParticipant_EverySharedCardInTheMdosLanguage()
    {
        var config = playground.Config;
        var dutch = config.User("Jeroen");
        var installed = playground.Cursor;
        await playground.InstallBotAsync(Chat);
        await playground.WaitForCardAsync(Chat, ["Welkom bij MdoBot", "Welcome to MdoBot"], installed);
        var since = playground.Cursor; // the welcome card (sent before any MDO, with no locale known) is not an MDO card

        // The chair prepares the agenda; the Dutch participant asks for it (and gets the read-only live agenda).
        var cursor = playground.Cursor;
        await playground.SendMessageAsync(Chat, config.Bot.At + " agenda");
        var editor = await playground.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == Chat && m.HasVerb("agenda.addCase"), cursor, what: "the editor");
        var added = await playground.PressAsync(editor, "agenda.addCase", inputs: Values(("code", "Gezin A"), ("timeBox", "20"), ("familyWants", "Rust in huis")));
        Assert.Equal("en", (string?)added!.Card!["lang"]);
        cursor = playground.Cursor;
        await playground.SendMessageAsync(Chat, config.Bot.At + " agenda", dutch, Dutch);
        var live = await playground.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == Chat && m.CardTitle == "Agenda" && !m.HasVerb("agenda.addCase"), cursor, what: "the live agenda");
        Assert.Equal("en", (string?)live.Card!["lang"]);

        // Meeting start → prompt; Start → case card, and the prompt loses its Start button.
        cursor = playground.Cursor;
        await playground.SendEventAsync(Chat, "application/vnd.microsoft.meetingStart", new JsonObject { ["Title"] = "MDO Zorgteam 5B" }, meetingId: "MCMxOTptZWV0aW5nX21peGVk");
        var prompt = await playground.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == Chat && m.HasVerb("mdo.start") && !m.HasVerb("agenda.addCase"), cursor, what: "the start prompt");
        Assert.Contains("MDO Zorgteam 5B", prompt.CardJson(), StringComparison.Ordinal);
        cursor = playground.Cursor;
        await playground.PressAsync(prompt, "mdo.start");
        var caseCard = await playground.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == Chat && m.HasVerb("case.save"), cursor, what: "the case card");
        var promptNow = await playground.WaitForBotMessageAsync(m => m.IsUpdate && m.MessageId == prompt.MessageId, cursor, what: "the updated start prompt");
        Assert.False(promptNow.HasVerb("mdo.start"), "the start prompt keeps no Start button once the MDO runs");

        // An action for the Dutch participant, confirmed from their Dutch client: the shared cards stay English.
        cursor = playground.Cursor;
        var due = DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await playground.PressAsync(caseCard, "case.addAction", inputs: Values(("actionOwner", dutch.Id), ("actionText", "Belt de huisarts"), ("actionDue", due)));
        var actionCard = await playground.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == Chat && m.HasVerb("action.confirm"), cursor, what: "the action card");
        cursor = playground.Cursor;
        await playground.InvokeWithLocaleAsync(actionCard, "action.confirm", dutch, Dutch);
        var confirmed = await playground.WaitForBotMessageAsync(m => m.IsUpdate && m.MessageId == actionCard.MessageId, cursor, what: "the confirmed action card");
        Assert.Contains($"Confirmed by {dutch.Name}", confirmed.CardJson(), StringComparison.Ordinal);

        // A refusal only the Dutch participant's command gets: in Dutch.
        cursor = playground.Cursor;
        await playground.SendMessageAsync(Chat, config.Bot.At + " volgende", dutch, Dutch);
        var refusal = await playground.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == Chat && m.Card is null, cursor, what: "the refusal");
        Assert.Equal("Alleen de voorzitter kan dit doen.", refusal.Text);

        // Extend, close: the summary (with honest time figures) and the evaluation card.
        cursor = playground.Cursor;
        await playground.SendMessageAsync(Chat, config.Bot.At + " extend 5");
        await playground.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == Chat && m.Text?.StartsWith("5 minutes added", StringComparison.Ordinal) == true, cursor, what: "the extension");
        cursor = playground.Cursor;
        await playground.SendMessageAsync(Chat, config.Bot.At + " close");
        var summary = await playground.WaitForCardAsync(Chat, ["Summary"], cursor);
        Assert.Contains("Total: time box 20 min + 5 min extension, used 0 min", summary.CardTexts);
        await playground.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == Chat && m.HasVerb("eval.submit"), cursor, what: "the evaluation card");

        var shared = playground.BotMessages.Where(m => m.Sequence >= since && m.ConversationId == Chat && m.Card is not null).ToList();
        Assert.True(shared.Count >= 10, $"expected the MDO's cards, got {shared.Count}");
        Assert.All(shared, m => Assert.True((string?)m.Card!["lang"] == "en", $"{m} is not in English: {m.CardJson()}"));
        Assert.DoesNotContain(shared, m => m.CardJson().Contains("Bevestigd", StringComparison.Ordinal));
    }

    private static Dictionary<string, JsonNode?> Values(params (string Id, string Value)[] values) =>
        values.ToDictionary(v => v.Id, v => (JsonNode?)JsonValue.Create(v.Value));
}
