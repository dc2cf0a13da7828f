using System.Text.RegularExpressions;
using MdoBot.Testing;
using Xunit.Abstractions;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Security;

/// <summary>
/// The Bot Connector throttles (429 with <c>Retry-After: 1</c>) while MdoBot has a burst of messages for
/// one conversation: every message still arrives exactly once and in order, each retry waits at least
/// what the service asked, and Teams' per-conversation rate is kept. Uses the real connector clock.
/// </summary>
public sealed partial class ThrottlingTests(ITestOutputHelper output) : MeetingChatTest
{
    private const int Burst = 15;
    private const int Throttles = 4;


    protected override (string ConversationId, string MeetingId) ChatIds => ("19:meeting_throttle@thread.v2", "MCMxOTptZWV0aW5nX3Rocm90dGxl");

    protected override Task<BotApp> StartAppAsync() => SecurityKit.StartAsync(fastConnector: false);

    [Fact]
    public async Task Burst_ConnectorAnswers429WithRetryAfter_EveryMessageOnceInOrderAfterTheWait()
    {
        var s = new MdoScenario(App, Chat);
        var editor = await s.OpenEditorAsync();
        editor = await s.AddCasesAsync(editor, new CaseFields("Gezin A"));
        await s.StartAsync(editor, "Gezin A");
        await App.DrainAsync();
        var sendsBefore = App.Connector.Calls.Count(c => c.Kind == "send");

        App.Connector.RetryAfterSeconds = 1;
        for (var i = 0; i < Throttles; i++)
        {
            App.Connector.FailNext.Enqueue(429);
        }

        // 15 distinguishable messages, triggered one after the other: the chair names 15 co-chairs, one per typed command,
        // and MdoBot answers each with "<name> is nu voorzitter."
        for (var i = 1; i <= Burst; i++)
        {
            var person = ($"29:cochair-{i:00}", $"Cochair-{i:00}");
            var response = await Chat.SayAsync(Chair, $"voorzitter <at>{person.Item2}</at>", person);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        var delivered = await App.Connector.WaitForCountAsync(IsAnswer, Burst, TimeSpan.FromSeconds(60));
        await App.DrainAsync(TimeSpan.FromSeconds(60));

        var order = App.Connector.Calls.Where(IsAnswer).Select(c => Numbered().Match(c.Title!).Value).ToList();
        var throttled = App.Connector.FailedAnswers.ToList();
        var gaps = throttled.Zip(throttled.Skip(1), (a, b) => b.At - a.At).ToList();
        var firstAfter = App.Connector.Calls.Where(c => c.Kind == "send").Skip(sendsBefore).First();
        var writes = App.Connector.Calls.Where(c => c.ConversationId == Chat.ConversationId && c.Kind is "send" or "update").Select(c => c.At).Order().ToList();
        // Teams allows 7 per 1 s and 8 per 2 s: any 8 consecutive writes span ≥ 1 s, any 9 span ≥ 2 s (less 100 ms of network jitter).
        var span8 = Span(writes, 8);
        var span9 = Span(writes, 9);
        output.WriteLine($"Order of delivery: {string.Join(", ", order)}");
        output.WriteLine($"429 answers: {throttled.Count}; gaps between them: {string.Join(", ", gaps.Select(g => $"{g.TotalMilliseconds:0} ms"))}; " +
            $"first delivered {((firstAfter.At - throttled[^1].At).TotalMilliseconds):0} ms after the last 429; whole burst {(delivered.Max(c => c.At) - throttled[0].At).TotalSeconds:0.0} s");
        output.WriteLine($"Writes to the conversation: {writes.Count}; shortest span of 8 in a row: {span8.TotalMilliseconds:0} ms, of 9 in a row: {span9.TotalMilliseconds:0} ms");

        Assert.Equal([.. Enumerable.Range(1, Burst).Select(i => $"Cochair-{i:00}")], order);
        Assert.Equal(Throttles, throttled.Count);
        Assert.All(throttled, t => Assert.Equal(429, t.Status));
        Assert.All(gaps, g => Assert.True(g >= TimeSpan.FromMilliseconds(950), $"retried after {g.TotalMilliseconds:0} ms, before Retry-After: 1"));
        Assert.True(firstAfter.At - throttled[^1].At >= TimeSpan.FromMilliseconds(950), "the first message went out before Retry-After had passed");
        Assert.StartsWith("Cochair-01 ", firstAfter.Title, StringComparison.Ordinal);
        Assert.True(span8 >= TimeSpan.FromMilliseconds(900), $"8 writes within {span8.TotalMilliseconds:0} ms to one conversation");
        Assert.True(span9 >= TimeSpan.FromMilliseconds(1900), $"9 writes within {span9.TotalMilliseconds:0} ms to one conversation");
        Assert.Equal(0, App.PendingOutbox());
    }

    private static TimeSpan Span(List<DateTimeOffset> times, int count) =>
        times.Count < count ? TimeSpan.MaxValue : Enumerable.Range(0, times.Count - count + 1).Min(i => times[i + count - 1] - times[i]);

    private static bool IsAnswer(RecordedCall c) => c.Kind == "send" && c.Title is { } t && t.Contains("is nu voorzitter", StringComparison.Ordinal);

    [GeneratedRegex("Cochair-[0-9]{2}")]
    private static partial Regex Numbered();
}
