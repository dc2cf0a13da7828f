using System.Net;
using MdoBot.Testing;
using MdoBot.Web.Tests.Security;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Legacy;

/// <summary>
/// MdoBot started on a database written by the previous release (<see cref="LegacyFixture"/>): it migrates
/// the file at start-up, and what v1 left half-way carries on — the pending outbox message goes out, the
/// running MDO of chat B moves to its next case and closes, the open action of chat B's earlier MDO is
/// still offered as a follow-up, and activities v1 already handled stay handled.
/// </summary>
public sealed class UpgradeFlowTests : IAsyncLifetime
{
    private const string PendingSummaryCase = "Gezin C";
    private const string RunningQuestionD = "Legacy lopend casus D";
    private const string RunningActionC = "Legacy lopend actie C";

    private readonly LegacyFixture _v1 = LegacyFixture.Load();
    private BotApp _app = null!;
    private ClockedChat _chatB = null!;

    public async Task InitializeAsync()
    {
        _app = await BotApp.StartAsync(fromDatabase: LegacyFixture.DatabasePath);
        _app.Time.Advance(_v1.Clock - _app.Time.GetUtcNow()); // the clock where v1 stopped; every stored timer is due after it
        var chat = new MeetingChat(_app, _v1.ChatB, _v1.ChatBMeeting);
        chat.RegisterMembers();
        _chatB = new ClockedChat(_app, chat);
        await _app.DrainAsync(); // the message v1 could not deliver
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Upgrade_PendingV1OutboxMessage_DeliveredAfterStart()
    {
        var summary = await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == _v1.ChatB && c.IsCard("Samenvatting"));

        Assert.True(summary.IsCard(PendingSummaryCase));
        Assert.Equal(0, _app.PendingOutbox());
        Assert.Equal(0L, _app.Query<long>("SELECT COUNT(*) FROM outbox"));
    }

    [Fact]
    public async Task Upgrade_RunningMdo_NextCaseAndCloseContinueIt()
    {
        var fromNow = _app.Connector.FromNow();

        await _chatB.SayAsync(Chair, "volgende");
        var next = await _app.Connector.WaitForAsync(c => fromNow(c) && c.Kind == "send" && c.ConversationId == _v1.ChatB
            && c.IsCard("case.save") && c.IsCard(_v1.RunningMdoB) && c.IsCard("Gezin D"));
        Assert.True(next.IsCard(RunningQuestionD));

        await _chatB.SayAsync(Chair, "afronden");
        var summary = await _app.Connector.WaitForAsync(c => fromNow(c) && c.Kind == "send" && c.ConversationId == _v1.ChatB && c.IsCard("Samenvatting"));
        Assert.True(summary.IsCard("Gezin C") && summary.IsCard("Gezin D"), summary.Json);
        Assert.True(summary.IsCard(RunningActionC), summary.Json);
        Assert.Equal("Closed", _app.Query<string>("SELECT status FROM documents WHERE kind = 'mdo' AND id = $p0", _v1.RunningMdoB));
        Assert.Equal(1L, _app.Query<long>("SELECT COUNT(*) FROM timers WHERE timer_key = $p0", "retention:" + _v1.RunningMdoB));
        Assert.Equal(0L, _app.Query<long>("SELECT COUNT(*) FROM timers WHERE timer_key IN ($p0, $p1, $p2)",
            "warn:" + _v1.RunningMdoB, "up:" + _v1.RunningMdoB, "refresh:" + _v1.RunningMdoB));
    }

    [Fact]
    public async Task Upgrade_RunningCaseRefreshed_OpenActionOfEarlierMdoStillAFollowUp()
    {
        // v1 stored the refresh timer of the running case card (every 5 minutes); the refreshed card is built by the new code.
        _app.Time.Advance(TimeSpan.FromMinutes(5));
        var refreshed = await _app.Connector.WaitForAsync(c => c.Kind == "update" && c.ConversationId == _v1.ChatB
            && c.IsCard("case.save") && c.IsCard(_v1.RunningMdoB) && c.IsCard("Open acties van vorige keer"));
        Assert.True(refreshed.IsCard($"{_v1.OpenActionText} — Bram Jansen"), refreshed.Json);
        Assert.Equal(3, _app.ActionTimerCount($"%:{_v1.ClosedMdoB}:a1"));

        var done = ActionData(refreshed.Card!, "followup.done");
        Assert.Equal(_v1.ClosedMdoB, (string?)done["mdoId"]);
        var response = await _chatB.InvokeAsync(Nurse, done);

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response!["type"]);
        Assert.Contains("Gezin C", Text(response), StringComparison.Ordinal);
        Assert.DoesNotContain("Open acties van vorige keer", Text(response), StringComparison.Ordinal);
        Assert.Equal(1, _app.AuditCount("followup.done"));
        Assert.Equal(0, _app.ActionTimerCount($"%:{_v1.ClosedMdoB}:a1"));
        Assert.Equal(_v1.DocumentVersion("mdo", _v1.ClosedMdoB) + 1,
            _app.Query<long>("SELECT version FROM documents WHERE kind = 'mdo' AND id = $p0", _v1.ClosedMdoB));
        var action = System.Text.Json.Nodes.JsonNode.Parse(
            _app.Query<string>("SELECT json FROM documents WHERE kind = 'mdo' AND id = $p0", _v1.ClosedMdoB))!["cases"]![0]!["actions"]![0]!;
        Assert.Equal("Done", (string?)action["status"]);
        Assert.Equal(Nurse.Id, (string?)action["doneBy"]);
    }

    [Fact]
    public async Task Upgrade_ActivitiesInV1Inbox_RedeliveredAreDuplicatesAndChangeNothing()
    {
        var replay = _v1.Replay;
        Assert.Equal(3, replay.Count);
        var before = Counts();
        var auditBefore = _app.Query<long>("SELECT COALESCE(MAX(id), 0) FROM audit");
        var documentsBefore = _app.AllDocuments();
        var callsBefore = _app.CallCounts();

        foreach (var (inboxKey, about, activity) in replay)
        {
            activity["serviceUrl"] = _app.Connector.ServiceUrl; // redelivered as v1 received it, to this test's connector
            var response = await _app.PostAsync(activity);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{inboxKey} ({about}): {(int)response.StatusCode}");
        }

        await _app.DrainAsync();
        var newAudit = _app.Query<string>(
            "SELECT COALESCE(group_concat(action || ' ' || conversation_id || ' ' || COALESCE(mdo_id, '-'), '; '), '') FROM audit WHERE id > $p0", auditBefore);
        Assert.True(newAudit.Length == 0, "audited after the redeliveries: " + newAudit);
        Assert.Equal(SecurityKit.Describe(before), SecurityKit.Describe(Counts()));
        Assert.Equal(documentsBefore, _app.AllDocuments());
        Assert.Equal(SecurityKit.Describe(callsBefore), SecurityKit.Describe(_app.CallCounts()));
        Assert.Equal("Running", _app.Query<string>("SELECT status FROM documents WHERE kind = 'mdo' AND id = $p0", _v1.RunningMdoB));
    }

    /// <summary>
    /// <see cref="BotApp.StateCounts"/>, but the inbox counted over the last day only: a store that forgets
    /// inbox entries older than a window may prune v1's older entries at any moment after the clock moved,
    /// while an activity handled again would add an entry stamped now.
    /// </summary>
    private Dictionary<string, long> Counts()
    {
        var counts = _app.StateCounts();
        counts["inbox"] = _app.Query<long>("SELECT COUNT(*) FROM inbox WHERE received_at >= $p0",
            (_app.Time.GetUtcNow() - TimeSpan.FromDays(1)).ToUnixTimeMilliseconds());
        return counts;
    }
}
