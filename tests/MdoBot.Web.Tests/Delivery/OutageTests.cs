using System.Text.RegularExpressions;
using MdoBot.Web.Tests.Security;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Delivery;

/// <summary>
/// A 40-second outage (on the app's fake clock) in which the Bot Connector answers every call with 500, with the
/// connector's own retries off, so each failure reaches the outbox: every message is retried with back-off well past
/// the old 8-attempt limit and, once the connector is back, delivered exactly once and in order. Nothing is lost.
/// </summary>
public sealed partial class OutageTests : IAsyncLifetime
{
    private const int Messages = 12;
    private BotApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await BotApp.StartAsync(DeliveryKit.NoConnectorRetries(("Outbox:BaseBackoff", "00:00:00.100"), ("Outbox:MaxBackoff", "00:00:02")));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Outage_40sOf500s_EveryMessageDeliveredOnceInOrder_NoDeadLetter()
    {
        var chat = await _app.InstalledChatAsync("19:meeting_outage@thread.v2", "MCMxOTptZWV0aW5nX291dGFnZQ");
        var other = await _app.InstalledChatAsync("19:meeting_outage2@thread.v2", "MCMxOTptZWV0aW5nX291dGFnZTI");
        var s = new MdoScenario(_app, chat);
        await s.OpenEditorAsync();
        await _app.DrainAsync();
        var otherBefore = _app.Sends(other.ConversationId);

        _app.Connector.FailAllStatus = 500;
        var start = _app.Time.GetUtcNow();
        for (var i = 1; i <= Messages; i++)
        {
            var person = ($"29:cochair-{i:00}", $"Cochair-{i:00}");
            await chat.SayAsync(Chair, $"voorzitter <at>{person.Item2}</at>", person);
            await other.SayAsync(Chair, "hulp");
        }

        // Drive the fake clock: whenever every waiting conversation is backed off, move to the earliest not-before.
        while (_app.Time.GetUtcNow() - start < TimeSpan.FromSeconds(40))
        {
            await DeliveryKit.WaitUntilAsync(() => _app.DueConversations() == 0, "every conversation backed off");
            var next = _app.NextNotBefore() ?? throw new InvalidOperationException("Nothing is waiting.");
            _app.Time.Advance(next - _app.Time.GetUtcNow() is var step && step > TimeSpan.Zero ? step : TimeSpan.Zero);
        }

        var attempts = _app.Connector.OutageAnswers.Count(c => c == chat.ConversationId);
        Assert.True(attempts > 8, $"only {attempts} attempts to the chat during the outage");
        Assert.Equal(0, _app.DeadLetters());

        _app.Connector.FailAllStatus = null;
        await DeliveryKit.WaitUntilAsync(() => _app.DueConversations() == 0, "the last failures stored");
        _app.Time.Advance(TimeSpan.FromSeconds(2)); // the longest back-off
        await _app.DrainAsync();

        var order = _app.Connector.Calls.Where(IsAnswer).Select(c => Numbered().Match(c.Title!).Value).ToList();
        Assert.Equal([.. Enumerable.Range(1, Messages).Select(i => $"Cochair-{i:00}")], order);
        Assert.Equal(otherBefore + Messages, _app.Sends(other.ConversationId));
        Assert.Equal(0, _app.DeadLetters());
        Assert.Equal(0, _app.PendingOutbox());
    }

    /// <summary>With <c>Outbox:MaxAge</c> at its minimum (1 min), a message failing temporarily is kept until it is that old, then parked as "expired" and reported.</summary>
    [Fact]
    public async Task OutageLongerThanMaxAge_KeptUntilThenParkedAsExpired_ChairTold()
    {
        await using var app = await BotApp.StartAsync(DeliveryKit.NoConnectorRetries(
            ("Outbox:BaseBackoff", "00:00:01"), ("Outbox:MaxBackoff", "00:00:10"), ("Outbox:MaxAge", "00:01:00")));
        var chat = await app.InstalledChatAsync("19:meeting_expiry@thread.v2", "MCMxOTptZWV0aW5nX2V4cGlyeQ");
        await new MdoScenario(app, chat).OpenEditorAsync();
        await app.DrainAsync();

        app.Connector.FailAllStatus = 503;
        var start = app.Time.GetUtcNow();
        await chat.SayAsync(Chair, "hulp");
        while (app.Time.GetUtcNow() - start < TimeSpan.FromSeconds(59))
        {
            await DeliveryKit.WaitUntilAsync(() => app.DueConversations() == 0, "the chat backed off");
            Assert.Equal(0, app.DeadLetters());
            var next = app.NextNotBefore() ?? throw new InvalidOperationException("Nothing is waiting.");
            var limit = start + TimeSpan.FromSeconds(59);
            app.Time.SetUtcNow(next < limit ? next : limit);
        }

        Assert.Equal(0, app.DeadLetters()); // 59 s old: still retried
        app.Connector.FailAllStatus = null;
        app.Connector.FailNext.Enqueue(503);
        app.Time.SetUtcNow((app.NextNotBefore() ?? app.Time.GetUtcNow()) > start.AddSeconds(60) ? app.NextNotBefore()!.Value : start.AddSeconds(60));
        await DeliveryKit.WaitUntilAsync(() => app.DeadLetters() == 1, "the expired message parked");
        await app.Connector.WaitForAsync(c => c.Kind == "send" && c.Title?.Contains("te lang onbereikbaar", StringComparison.Ordinal) == true);
        Assert.Equal(1L, app.Query<long>("SELECT COUNT(*) FROM outbox WHERE failed = 1 AND dead_reason = 'expired' AND dead_status = 503"));
    }

    private static bool IsAnswer(MdoBot.Testing.RecordedCall c) =>
        c.Kind == "send" && c.Title is { } t && t.Contains("is nu voorzitter", StringComparison.Ordinal);

    [GeneratedRegex("Cochair-[0-9]{2}")]
    private static partial Regex Numbered();
}
