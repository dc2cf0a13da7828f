using System.Diagnostics;
using System.Text.Json.Nodes;
using MdoBot.EndToEnd.Tests.Crash;
using MdoBot.Testing;
using static MdoBot.EndToEnd.Tests.Crash.CrashChat;

namespace MdoBot.EndToEnd.Tests.Cluster;

/// <summary>
/// Scripted MDOs with a running clock, through the proxy (so each step may land on any node): install, the
/// chair's <c>agenda</c>, one case with a 5-minute time box, start. The case's warning (at half the box) and
/// time-up timers then fall due on the cluster's fast clock while the test runs — on whichever node sees them
/// first; each must reach the chat exactly once.
/// </summary>
internal sealed class ClusterMdos(TestCluster cluster, HttpClient http)
{
    public const int TimeBoxMinutes = 5;

    /// <summary>The audit actions each MDO must have exactly once at the end.</summary>
    public static readonly string[] Actions = ["mdo.created", "agenda.caseAdded", "mdo.started", "case.warningSent", "case.timeUpSent"];

    private int _redeliveries;

    public sealed record Running(CrashChat Chat, string Code, DateTimeOffset StartedAt);

    public int Redeliveries => _redeliveries;

    /// <summary><paramref name="count"/> meeting chats of their own, each with an MDO started (answers acknowledged).</summary>
    public async Task<IReadOnlyList<Running>> StartAsync(int count)
    {
        var chats = Enumerable.Range(1, count).Select(i =>
        {
            var chat = new CrashChat(cluster.Connector.ServiceUrl, $"19:meeting_clustermdo{i}@thread.v2", $"MCMxOTptZWV0aW5nX2NsdXN0ZXJtZG8{i}");
            chat.RegisterMembers(cluster.Connector);
            return chat;
        }).ToList();
        return await Task.WhenAll(chats.Select((chat, i) => StartOneAsync(chat, $"Gezin {(char)('K' + i)}")));
    }

    private async Task<Running> StartOneAsync(CrashChat chat, string code)
    {
        var id = chat.ConversationId;
        await DeliverAsync(chat.Install($"mdo-install-{id}"));
        var editor = await AgendaEditorAsync(chat);
        var add = ActionData(editor, "agenda.addCase");
        add["code"] = code;
        add["question"] = "Wat is nodig?";
        add["timeBox"] = TimeBoxMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        editor = CardOf(await InvokeAsync(n => chat.Invoke(Chair, add, $"mdo-addcase-{id}-{n}")), "add case");
        await InvokeAsync(n => chat.Invoke(Chair, ActionData(editor, "mdo.start"), $"mdo-start-{id}-{n}"));
        return new Running(chat, code, DateTimeOffset.UtcNow);
    }

    /// <summary>Turns answered "Teams is not reachable right now, nothing changed" (a member lookup over its budget), tried again as a user would.</summary>
    public int Unavailable => _unavailable;

    private int _unavailable;

    /// <summary>The chair's <c>agenda</c>; the editor comes through the outbox (or "not reachable": said again).</summary>
    private async Task<JsonNode> AgendaEditorAsync(CrashChat chat)
    {
        for (var n = 1; ; n++)
        {
            var before = cluster.Posts(chat.ConversationId).Count;
            await DeliverAsync(chat.Say(Chair, "agenda", $"mdo-agenda-{chat.ConversationId}-{n}"));
            var post = await WaitForPostAsync(chat.ConversationId, before, c => HasVerb(c.Card, "agenda.addCase") || PostKinds.IsUnavailable(c), "the agenda editor");
            if (!PostKinds.IsUnavailable(post) || n == 5)
            {
                return post.Card ?? throw new InvalidOperationException("No agenda editor after 5 tries: " + post.Json);
            }

            Interlocked.Increment(ref _unavailable);
        }
    }

    /// <summary>An invoke (a fresh activity each try); tried again while the answer is "not reachable".</summary>
    private async Task<JsonNode?> InvokeAsync(Func<int, JsonObject> activity)
    {
        for (var n = 1; ; n++)
        {
            var answer = await DeliverAsync(activity(n));
            if (answer?.ToJsonString().Contains(PostKinds.UnavailableText, StringComparison.Ordinal) != true || n == 5)
            {
                return answer;
            }

            Interlocked.Increment(ref _unavailable);
        }
    }

    /// <summary>Waits until every MDO's chat got its warning and its time-up notice (or the timeout).</summary>
    public async Task WaitForNoticesAsync(IReadOnlyList<Running> mdos, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!mdos.All(m => Warnings(m).Count > 0 && TimeUps(m).Count > 0))
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Time notices missing after {timeout}: " + Describe(mdos) + "\n" + cluster.Tails());
            }

            await Task.Delay(100); // waiting for real processes' posts at a fake connector
        }
    }

    public List<RecordedCall> Warnings(Running mdo) => cluster.Posts(mdo.Chat.ConversationId)
        .Where(c => Fallback(c) is { } f && f.StartsWith("Nog ", StringComparison.Ordinal) && f.EndsWith($" voor {mdo.Code}", StringComparison.Ordinal)).ToList();

    public List<RecordedCall> TimeUps(Running mdo) =>
        cluster.Posts(mdo.Chat.ConversationId).Where(c => Fallback(c) == $"De tijd voor {mdo.Code} is om").ToList();

    public string Describe(IReadOnlyList<Running> mdos) =>
        string.Join(", ", mdos.Select(m => $"{m.Code}: {Warnings(m).Count} warning(s), {TimeUps(m).Count} time-up(s)"));

    private Task<JsonNode?> DeliverAsync(JsonObject activity) => ClusterLoad.DeliverAsync(http, activity, () => Interlocked.Increment(ref _redeliveries));

    private async Task<RecordedCall> WaitForPostAsync(string conversationId, int after, Func<RecordedCall, bool> match, string what)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (cluster.Posts(conversationId).Skip(after).FirstOrDefault(match) is { } post)
            {
                return post;
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"{conversationId}: {what} never posted.\n{cluster.Tails()}");
            }

            await Task.Delay(50); // waiting for a real process's post at a fake connector
        }
    }

    private static JsonNode CardOf(JsonNode? answer, string step) =>
        (string?)answer?["type"] == "application/vnd.microsoft.card.adaptive" && answer["value"] is { } card
            ? card
            : throw new InvalidOperationException($"{step}: the answer is not a card: {answer?.ToJsonString()}");

    private static string? Fallback(RecordedCall c) => (string?)c.Card?["fallbackText"];
}
