using System.Globalization;
using System.Text.Json.Nodes;
using MdoBot.EndToEnd.Tests.Harness;

namespace MdoBot.EndToEnd.Tests;

/// <summary>
/// A whole MDO in the Playground's meeting group chat, real MdoBot process, clock 30× faster
/// (<see cref="FastClockPlayground"/>): agenda by card, injected meetingStart, start, goal, an action for
/// another participant confirmed by that participant only, warning and time-up, coordinators, close, summaries.
/// The Playground reports locale en-US, so MdoBot answers in English; checks use verbs, ids and colours
/// where they can, English text where they must.
/// </summary>
public sealed class MdoFlowEndToEndTests(FastClockPlayground fixture) : IClassFixture<FastClockPlayground>
{
    private const string MeetingStart = "application/vnd.microsoft.meetingStart";
    private static readonly TimeSpan ClockTimeout = TimeSpan.FromSeconds(45);
    private static readonly string[] SummaryTitles = ["Samenvatting", "Summary"];

    private readonly PlaygroundHarness _pg = fixture.Playground;

    private string Chat => _pg.Config.GroupChatId;

    [Fact]
    public async Task WholeMdo_MeetingChat_StartPromptCaseActionConfirmedTimeNoticesSummaryAndCoordinators()
    {
        var config = _pg.Config;
        var chair = config.CurrentUser;
        var owner = config.User("Jeroen");
        var other = config.User("Fatima");
        Assert.StartsWith("19:meeting_", Chat, StringComparison.Ordinal);

        // 1. Install; the first to type "agenda" becomes chair (the Playground has no meeting organizer).
        await _pg.InstallBotAsync(Chat);
        var cursor = _pg.Cursor;
        await _pg.SendMessageAsync(Chat, config.Bot.At + " agenda");
        var editorMessage = await _pg.WaitForBotMessageAsync(
            m => m.IsCreate && m.ConversationId == Chat && m.HasVerb("agenda.addCase"), cursor, what: "the agenda editor card");

        // 2. Two cases through the editor card's "Add" (Action.Execute agenda.addCase), the first with a 5-minute box.
        var editor = await AddCaseAsync(editorMessage, editorMessage, "Gezin A", "Hoe ondersteunen we de ouders?", 5);
        editor = await AddCaseAsync(editorMessage, editor, "2026-017", "Wie neemt de regie?", 20);
        Assert.True(editor.HasVerb("mdo.start"), "the editor offers Start once there are cases");
        Assert.Contains("Gezin A", editor.CardJson(), StringComparison.Ordinal);
        Assert.Contains("2026-017", editor.CardJson(), StringComparison.Ordinal);

        // 3. Teams' meetingStart event (injected: the Playground emulates no meetings) → a start prompt, not a start.
        cursor = _pg.Cursor;
        await _pg.SendEventAsync(Chat, MeetingStart, new JsonObject
        {
            ["Id"] = "MCMxOTptZWV0aW5nX2U1ZTJlMmU",
            ["Title"] = config.GroupChatName,
            ["MeetingType"] = "Scheduled",
            ["StartTime"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        }, meetingId: "MCMxOTptZWV0aW5nX2U1ZTJlMmU");
        var prompt = await _pg.WaitForBotMessageAsync(
            m => m.IsCreate && m.ConversationId == Chat && m.HasVerb("mdo.start") && !m.HasVerb("agenda.addCase"), cursor, what: "the start prompt");
        Assert.DoesNotContain(_pg.Frames.Skip(cursor), m => m.HasVerb("case.save"));

        // 4. Start → the first case card (and the clock runs: 5 min at 30× = 10 s).
        var startCursor = _pg.Cursor;
        var started = await _pg.PressAsync(prompt, "mdo.start");
        Assert.Equal(200, started!.HttpStatus);
        Assert.NotNull(started.MessageText);
        var caseCard = await _pg.WaitForBotMessageAsync(
            m => m.IsCreate && m.ConversationId == Chat && m.HasVerb("case.save") && m.CardTitle == "Gezin A", startCursor, what: "the case card of Gezin A");

        // 5. The chair records the shared goal and makes themself the case lead.
        var saved = await _pg.PressAsync(caseCard, "case.save", inputs: Inputs(("goal", "Veilig opgroeien"), ("decisions", "Wekelijks huisbezoek"), ("caseLead", chair.Id)));
        Assert.Equal(PlaygroundMessage.AdaptiveCardType, saved!.Type);
        Assert.Contains("Veilig opgroeien", saved.Card!.ToJsonString(), StringComparison.Ordinal);

        // 6. An action for another participant, due tomorrow → an action card @mentioning the owner.
        cursor = _pg.Cursor;
        var added = await _pg.PressAsync(caseCard, "case.addAction", inputs: Inputs(
            ("actionOwner", owner.Id), ("actionText", "Belt de huisarts"), ("actionDue", Tomorrow())));
        Assert.Equal(PlaygroundMessage.AdaptiveCardType, added!.Type);
        var actionCard = await _pg.WaitForBotMessageAsync(
            m => m.IsCreate && m.ConversationId == Chat && m.HasVerb("action.confirm"), cursor, what: "the action card");
        Assert.Equal(new[] { owner.Id }, actionCard.MentionedIds());
        Assert.Contains(owner.At, actionCard.CardTitle, StringComparison.Ordinal);
        Assert.Contains("Belt de huisarts", actionCard.CardJson(), StringComparison.Ordinal);

        // 7. Someone else pressing Confirm is refused; the card is not touched.
        var refusedCursor = _pg.Cursor;
        var refused = await _pg.PressAsync(actionCard, "action.confirm", from: other);
        Assert.Equal(200, refused!.HttpStatus);
        Assert.Null(refused.Card);
        Assert.Contains($"Only {owner.Name}", refused.MessageText, StringComparison.Ordinal);

        // 8. The owner confirms (invoke as that user): the answer and the card for everyone say so.
        var confirmed = await _pg.PressAsync(actionCard, "action.confirm", from: owner);
        Assert.Contains($"Confirmed by {owner.Name}", confirmed!.Card?.ToJsonString(), StringComparison.Ordinal);
        // The first update of the action card after the refusal is the confirmation: the refusal changed nothing.
        var updated = await _pg.WaitForBotMessageAsync(
            m => m.IsUpdate && m.MessageId == actionCard.MessageId, refusedCursor, what: "the update of the action card");
        Assert.Contains($"Confirmed by {owner.Name}", updated.CardJson(), StringComparison.Ordinal);
        Assert.False(updated.HasVerb("action.confirm"), "a confirmed action card has no buttons");
        var refusedAgain = await _pg.PressAsync(actionCard, "action.confirm", from: other);
        Assert.Contains($"Only {owner.Name}", refusedAgain!.MessageText, StringComparison.Ordinal);

        // 9. The time box runs out: first the warning, then the time-up notice, both with Extend / Next.
        var warning = await _pg.WaitForBotMessageAsync(
            m => m.IsCreate && m.ConversationId == Chat && m.TitleColor() == "warning" && m.CardTitle!.Contains("Gezin A", StringComparison.Ordinal),
            startCursor, ClockTimeout, "the time-box warning");
        var timeUp = await _pg.WaitForBotMessageAsync(
            m => m.IsCreate && m.ConversationId == Chat && m.TitleColor() == "attention" && m.CardTitle!.Contains("Gezin A", StringComparison.Ordinal),
            startCursor, ClockTimeout, "the time-up notice");
        Assert.True(warning.Sequence < timeUp.Sequence, "the warning comes before the time-up notice");
        Assert.True(warning.HasVerb("mdo.extend") && warning.HasVerb("mdo.next"));
        Assert.True(timeUp.HasVerb("mdo.extend") && timeUp.HasVerb("mdo.next"));
        Assert.StartsWith("⏱ Time is up", timeUp.CardTitle, StringComparison.Ordinal);

        // 10. Coordinators: the chair (current user) and the owner. Then close.
        cursor = _pg.Cursor;
        await _pg.SendMessageAsync(Chat, $"{config.Bot.At} coördinator {chair.At} {owner.At}");
        var named = await _pg.WaitForBotMessageAsync(m => m.IsCreate && m.ConversationId == Chat && m.Card is null, cursor, what: "the coordinator reply");
        Assert.Contains(chair.Name, named.Text, StringComparison.Ordinal);
        Assert.Contains(owner.Name, named.Text, StringComparison.Ordinal);

        await using var log = new ConversationStream();
        await log.ConnectAsync(new Uri($"ws://{_pg.PlaygroundUrl.Authority}/_ws/log/stream"), CancellationToken.None);
        cursor = _pg.Cursor;
        await _pg.SendMessageAsync(Chat, config.Bot.At + " afronden");

        // 11. The summary card in the meeting chat: goal, action with owner and confirmation, the time box.
        var summary = await _pg.WaitForCardAsync(Chat, SummaryTitles, cursor);
        var summaryJson = summary.CardJson();
        Assert.Contains("Gezin A", summaryJson, StringComparison.Ordinal);
        Assert.Contains("2026-017", summaryJson, StringComparison.Ordinal);
        Assert.Contains("Veilig opgroeien", summaryJson, StringComparison.Ordinal);
        Assert.Contains("Belt de huisarts", summaryJson, StringComparison.Ordinal);
        Assert.Contains(owner.Name, summaryJson, StringComparison.Ordinal);
        Assert.Contains("time box 5 min", summaryJson, StringComparison.Ordinal);

        // 12. The current user's 1:1 summary shows in the Playground's personal chat.
        var personal = await _pg.WaitForCardAsync(config.PersonalChatId, SummaryTitles, cursor);
        Assert.Contains("Belt de huisarts", personal.CardJson(), StringComparison.Ordinal);

        // 12b. The case lead (the current user) gets the plain-language feedback draft for the parents in the personal chat.
        var draft = await _pg.WaitForCardAsync(config.PersonalChatId,
            ["Feedback for the parents — Gezin A", "Terugkoppeling voor de ouders — Gezin A"], cursor);
        Assert.True(draft.HasVerb("feedback.send"));
        Assert.Contains("Veilig opgroeien", draft.CardJson(), StringComparison.Ordinal);

        // 13. The other coordinator's 1:1: the Playground creates that user's personal chat and accepts the card,
        //     but shows other users' chats nowhere (no conversation frame): check the connector calls in its log stream.
        var created = await log.WaitAsync(
            f => (string?)f.Raw["log"]?["activityName"] == "createConversation"
                && (string?)f.Raw["log"]?["request"]?["body"]?["members"]?[0]?["id"] == owner.Id,
            0, PlaygroundHarness.DefaultTimeout);
        Assert.Equal(201, (int?)created.Raw["log"]?["response"]?["statusCode"]);
        var ownerChat = (string?)created.Raw["log"]?["response"]?["body"]?["id"];
        Assert.False(string.IsNullOrEmpty(ownerChat));
        var sent = await log.WaitAsync(
            f => (string?)f.Raw["log"]?["activityName"] == "message" && (string?)f.Raw["log"]?["conversationId"] == ownerChat
                && f.Raw["log"]?["request"]?["body"]?["attachments"]?.ToJsonString().Contains("Belt de huisarts", StringComparison.Ordinal) == true,
            0, PlaygroundHarness.DefaultTimeout);
        Assert.Equal(201, (int?)sent.Raw["log"]?["response"]?["statusCode"]);
        Assert.DoesNotContain(_pg.Frames, f => f.ConversationId == ownerChat);
    }

    /// <summary>Fills the editor's add-case form and presses Add; returns the new editor (the invoke answer).</summary>
    private async Task<PlaygroundMessage> AddCaseAsync(PlaygroundMessage shownOn, PlaygroundMessage editor, string code, string question, int minutes)
    {
        var answer = await _pg.PressAsync(editor, "agenda.addCase", inputs: Inputs(
            ("code", code), ("question", question), ("timeBox", minutes.ToString(CultureInfo.InvariantCulture)), ("familyWants", "Rust in huis")));
        Assert.NotNull(answer);
        Assert.Equal(200, answer.HttpStatus);
        Assert.True(answer.Card is not null, $"expected the updated editor card, got {answer.Body?.ToJsonString()}");
        return answer.AsMessage(shownOn);
    }

    private static Dictionary<string, JsonNode?> Inputs(params (string Id, string Value)[] values) =>
        values.ToDictionary(v => v.Id, v => (JsonNode?)JsonValue.Create(v.Value));

    /// <summary>Tomorrow in MdoBot's time zone (Europe/Amsterdam), as an Input.Date value.</summary>
    private static string Tomorrow()
    {
        var tz = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var amsterdam) ? amsterdam : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, tz).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
