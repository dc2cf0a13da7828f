using System.Globalization;

namespace MdoBot.Bench.Soak;

/// <summary>One conversation's outcome: numbered messages acknowledged, delivered once, lost, repeated, out of order, and the
/// longest time from the acknowledged turn to the delivered post.</summary>
public sealed record SoakConversation(string ConversationId, int Sent, int Delivered, int Lost, int Duplicated, int OutOfOrder, double MaxLatenessS);

public sealed record SoakResult(
    double Minutes, int Conversations, double OutageAtS, double OutageS, IReadOnlyDictionary<string, int> Faults,
    int Sent, int Delivered, int Lost, int Duplicated, int OutOfOrder, double MaxLatenessS, IReadOnlyList<SoakConversation> PerConversation);

/// <summary>
/// The soak: <c>--soak-conversations</c> meeting chats, each with an MDO whose chair renames it every few seconds
/// ("titel S-cc-nnnn"; MdoBot answers "De titel is nu: S-cc-nnnn"), for <c>--soak-minutes</c> against a
/// <see cref="FaultyConnector"/> (429 bursts, 500s, hangs every minute, and an outage of up to 2 minutes from the
/// middle). Afterwards it waits for the outbox to drain and counts, per conversation, what arrived.
/// </summary>
public static class SoakPhase
{
    private static readonly (string Id, string Name) Chair = ("29:chair-soak", "Soak Chair");

    /// <summary>MdoBot's settings for the soak: attempts time out after 5 s, so hangs cost 5 s, not 30.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["Connector__Timeout"] = "00:00:05",
    };

    public static TimeSpan OutageLength(double minutes) => TimeSpan.FromSeconds(Math.Min(120, minutes * 60 / 5));

    public static async Task<SoakResult> RunAsync(BenchOptions options, BotProcess bot, FaultyConnector connector, HttpClient http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var end = connector.Now + (options.SoakMinutes * 60);
        var acked = new List<(string Conversation, string Text, double At)>[options.SoakConversations];
        var chats = Enumerable.Range(0, options.SoakConversations).Select(i => RunChatAsync(i)).ToList();
        await Task.WhenAll(chats);

        var expected = acked.SelectMany(a => a).ToList();
        var drainUntil = connector.Now + Math.Max(180, options.SoakMinutes * 30);
        while (connector.Now < drainUntil && !ct.IsCancellationRequested
            && expected.Any(e => !connector.Delivered.Any(d => d.ConversationId == e.Conversation && d.Text.EndsWith(e.Text, StringComparison.Ordinal))))
        {
            await Task.Delay(1000, ct);
        }

        var per = acked.Select((list, i) => Score(Conversation(i), list, connector)).ToList();
        return new SoakResult(options.SoakMinutes, options.SoakConversations, connector.OutageAt.TotalSeconds, connector.OutageLength.TotalSeconds,
            connector.Faults.ToDictionary(), per.Sum(p => p.Sent), per.Sum(p => p.Delivered), per.Sum(p => p.Lost), per.Sum(p => p.Duplicated),
            per.Sum(p => p.OutOfOrder), per.Count == 0 ? 0 : per.Max(p => p.MaxLatenessS), per);

        async Task RunChatAsync(int index)
        {
            var mine = acked[index] = [];
            var id = Conversation(index);
            var client = new MeetingClient(http, bot.BaseUrl, connector.ServiceUrl, id, "MCMxOTpzb2FrLW" + index.ToString("00", CultureInfo.InvariantCulture), new Recorder());
            await client.InstallAsync(Chair, ct);
            await client.SayAsync(Chair, "agenda", ct);
            var random = new Random(index);
            await Task.Delay(random.Next(3000), ct);
            for (var n = 1; connector.Now < end && !ct.IsCancellationRequested; n++)
            {
                var text = $"S-{index:00}-{n:0000}";
                try
                {
                    await client.SayAsync(Chair, "titel " + text, ct);
                    mine.Add((id, text, connector.Now)); // acknowledged: stored, MdoBot owes the post
                }
                catch (BenchStepException)
                {
                    // not acknowledged: nothing is owed
                }

                await Task.Delay(2000 + random.Next(2000), ct);
            }
        }
    }

    private static string Conversation(int index) => $"19:soak-{index:00}@thread.v2";

    private static SoakConversation Score(string conversationId, List<(string Conversation, string Text, double At)> sent, FaultyConnector connector)
    {
        var arrived = connector.Delivered.Where(d => d.ConversationId == conversationId && d.Text.Contains("S-", StringComparison.Ordinal))
            .Select(d => (Text: d.Text[d.Text.IndexOf("S-", StringComparison.Ordinal)..], d.At)).ToList();
        var order = sent.Select(s => s.Text).ToList();
        var firstArrival = arrived.GroupBy(a => a.Text).ToDictionary(g => g.Key, g => g.Min(a => a.At));
        var delivered = order.Count(firstArrival.ContainsKey);
        var duplicated = arrived.GroupBy(a => a.Text).Sum(g => g.Count() - 1);
        var positions = arrived.Select(a => order.IndexOf(a.Text)).Where(p => p >= 0).ToList();
        var outOfOrder = positions.Zip(positions.Skip(1), (a, b) => b < a ? 1 : 0).Sum();
        var lateness = sent.Where(s => firstArrival.ContainsKey(s.Text)).Select(s => firstArrival[s.Text] - s.At).DefaultIfEmpty(0).Max();
        return new SoakConversation(conversationId, sent.Count, delivered, sent.Count - delivered, duplicated, outOfOrder, Math.Round(lateness, 2));
    }
}
