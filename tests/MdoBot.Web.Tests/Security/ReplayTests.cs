using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Security;

/// <summary>
/// Teams (and proxies) may deliver an activity more than once. A whole MDO run is recorded as it
/// arrived, then every activity is delivered again — 1,000 duplicates, round-robin, some of them
/// concurrently and some after a restart — and nothing happens twice.
/// </summary>
public sealed class ReplayTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Duplicates = 1_000;

    private readonly InboundRecorder _recorder = new();
    private BotApp _app = null!;
    private MeetingChat _chat = null!;
    private MdoScenario _mdo = null!;

    public async Task InitializeAsync()
    {
        _app = await SecurityKit.StartAsync(services: s => s.AddSingleton<IStartupFilter>(_recorder));
        _chat = new MeetingChat(_app, "19:meeting_replay@thread.v2", "MCMxOTptZWV0aW5nX3JlcGxheQ");
        _chat.RegisterMembers();
        _mdo = new MdoScenario(_app, _chat);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Replay_WholeMdoRunDeliveredAgainThousandTimes_NothingHappensTwice()
    {
        await RunWholeMdoAsync();
        await _app.DrainAsync();
        _recorder.Enabled = false;
        var recorded = _recorder.Requests;
        Assert.All(recorded, r => Assert.Equal(200, r.Status));
        var kinds = recorded.Select(Describe).GroupBy(k => k).Select(g => $"{g.Key} ×{g.Count()}");
        output.WriteLine($"Recorded {recorded.Count} inbound activities: {string.Join(", ", kinds)}");

        var before = StateSnapshot.Of(_app);
        var mismatches = new List<string>();
        var delivered = 0;
        var concurrent = 0;
        var round = 0;
        while (delivered < Duplicates)
        {
            // Every other round concurrently (8 at a time, each activity twice at once), the other rounds one by one.
            var batch = recorded.Take(Math.Min(recorded.Count, Duplicates - delivered)).ToList();
            if (round % 2 == 1)
            {
                var pairs = batch.Take(batch.Count / 2).SelectMany(r => new[] { r, r }).ToList();
                await Parallel.ForEachAsync(pairs, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (r, _) => Check(r, await _app.PostBytesAsync(r.Body), mismatches));
                delivered += pairs.Count;
                concurrent += pairs.Count;
            }
            else
            {
                foreach (var r in batch)
                {
                    Check(r, await _app.PostBytesAsync(r.Body), mismatches);
                }

                delivered += batch.Count;
            }

            round++;
            if (round == 10)
            {
                // A restart in between: the record of what was handled is stored, not kept in memory.
                await _app.RestartAsync();
            }
        }

        await _app.DrainAsync();
        var after = StateSnapshot.Of(_app);
        var diff = before.Diff(after);
        output.WriteLine($"Duplicates delivered: {delivered} ({concurrent} concurrently, in {round} rounds, restart after round 10); " +
            $"answers differing from the first delivery: {mismatches.Count}; state differences: {(diff.Count == 0 ? "none" : string.Join("; ", diff))}");
        output.WriteLine($"Connector calls: {SecurityKit.Describe(after.Calls)}; tables: {SecurityKit.Describe(after.Counts)}; audit rows: {after.Audit}");

        Assert.True(delivered >= Duplicates);
        Assert.Empty(mismatches);
        Assert.Empty(diff);
    }

    [Fact]
    public async Task ConcurrentFirstDelivery_SameConfirmTenTimesAtOnce_OneEffectSameAnswer()
    {
        await _chat.InstallAsync();
        var editor = await _mdo.OpenEditorAsync();
        editor = await _mdo.AddCasesAsync(editor, new CaseFields("Gezin A"));
        var caseCard = await _mdo.StartAsync(editor, "Gezin A");
        var actionCard = await _mdo.AddActionAsync(caseCard, Nurse, "Belt de huisarts");
        await _app.DrainAsync();
        var before = StateSnapshot.Of(_app);

        var confirm = System.Text.Encoding.UTF8.GetBytes(_chat.InvokeActivity(Nurse, ActionData(actionCard, "action.confirm"), "confirm-race").ToJsonString());
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _app.PostBytesAsync(confirm)));
        await _app.DrainAsync();
        var after = StateSnapshot.Of(_app);

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Contains("Bevestigd door Bram Jansen", answers[0].Body, StringComparison.Ordinal);
        Assert.Equal(1, _app.AuditCount("action.confirmed"));
        Assert.Equal(before.Counts["inbox"] + 1, after.Counts["inbox"]);
        Assert.Equal(before.Calls.GetValueOrDefault("update") + 2, after.Calls.GetValueOrDefault("update")); // the action card and the case card, once
        Assert.Equal(before.Calls.GetValueOrDefault("send"), after.Calls.GetValueOrDefault("send"));
    }

    private static void Check(RecordedInbound first, (int Status, string Body) again, List<string> mismatches)
    {
        if (again.Status != first.Status || !SameJson(first.ResponseBody, again.Body))
        {
            lock (mismatches)
            {
                mismatches.Add($"#{first.Sequence} {Describe(first)}: first {first.Status} {Short(first.ResponseBody)}, again {again.Status} {Short(again.Body)}");
            }
        }
    }

    private static bool SameJson(string a, string b) =>
        a == b || (a.Length > 0 && b.Length > 0 && JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b)));

    private static string Short(string s) => s.Length > 120 ? s[..120] + "…" : s;

    private static string Describe(RecordedInbound r)
    {
        var a = JsonNode.Parse(r.Body)!;
        return (string?)a["type"] switch
        {
            "invoke" => "invoke " + (string?)a["value"]?["action"]?["verb"],
            "event" => "event " + ((string?)a["name"])?.Split('.')[^1],
            "message" when a["value"] is JsonObject v => "submit " + (string?)v["verb"],
            "message" => "message " + ((string?)a["text"])?.Replace("<at>MdoBot</at> ", string.Empty, StringComparison.Ordinal).Split(' ')[0],
            var t => t ?? "?",
        };
    }

    /// <summary>
    /// A whole MDO as people run it: install, agenda with two cases, the meeting-start prompt, start,
    /// goal/decisions/case lead, actions by button and by command, confirm (invoke and Action.Submit),
    /// decline, reassign, next, extend, the meeting-end event, the evaluation and the parents' feedback.
    /// </summary>
    private async Task RunWholeMdoAsync()
    {
        await _chat.InstallAsync();
        var editor = await _mdo.OpenEditorAsync();
        editor = await _mdo.AddCasesAsync(editor, new CaseFields("Gezin A", "Hoe helpen we?"), new CaseFields("Gezin B"));
        await _app.PostAsync(_chat.Activity("meetingchat-event-meetingStart-injected", Chair));
        await _mdo.NextChatCardAsync("mdo.start");
        var caseCard = await _mdo.StartAsync(editor, "Gezin A");
        caseCard = await _mdo.SaveCaseRecordAsync(caseCard, "Rust in huis", "Wekelijks contact", Nurse.Id);
        var a1 = await _mdo.AddActionAsync(caseCard, Nurse, "Belt de huisarts");
        var a2 = await _mdo.AddActionAsync(caseCard, Social, "Regelt opvang");
        Assert.Contains("Bevestigd door", Text(await _mdo.ConfirmAsync(a1, Nurse)), StringComparison.Ordinal);
        Assert.Contains("Geen tijd", Text(await _mdo.DeclineAsync(a2, Social, "Geen tijd")), StringComparison.Ordinal);
        var withDeclined = await _mdo.NextCallAsync(c => c.Kind == "update" && c.IsCard("action.reassign"));
        var reassign = ActionData(withDeclined.Card!, "action.reassign");
        reassign["newOwner_" + (string?)reassign["actionId"]] = Chair.Id;
        await _chat.InvokeAsync(Chair, reassign);
        var a3 = await _mdo.NextChatCardAsync("action.confirm", "<at>Anna de Vries</at>");

        // The Action.Submit fallback (a message with a value) and a typed command.
        var submit = _chat.Activity("groupchat-message-actionSubmit", Chair);
        submit["value"] = ActionData(a3, "action.confirm");
        submit.Remove("text");
        await _app.PostAsync(submit);
        await _mdo.NextCallAsync(c => c.Kind == "update" && c.IsCard("Bevestigd door Anna de Vries"));
        var due = _app.Time.GetUtcNow().AddDays(5).ToString("d-M-yyyy", CultureInfo.InvariantCulture);
        await _chat.SayAsync(Chair, $"actie <at>{Social.Name}</at> maakt een afspraak voor {due}", Social);
        await _mdo.NextChatCardAsync("action.confirm", "maakt een afspraak");
        await _chat.SayAsync(Chair, "verleng 5");
        await _mdo.NextCaseAsync("Gezin B");

        // Teams ends the meeting: the MDO closes; evaluation and feedback follow.
        var end = _chat.Activity("meetingchat-event-meetingStart-injected", Chair);
        end["name"] = "application/vnd.microsoft.meetingEnd";
        await _app.PostAsync(end);
        await _mdo.NextChatCardAsync("Samenvatting");
        var evaluation = await _mdo.NextChatCardAsync("eval.submit");
        var answer = ActionData(evaluation, "eval.submit");
        answer["q_keptToTime"] = "4";
        answer["comment"] = "Goed overleg";
        await _chat.InvokeAsync(Nurse, answer);
        var (personal, draft) = await _mdo.FeedbackDraftAsync(Nurse, "Gezin A");
        var inPerson = await _app.PostAsync(_mdo.PersonalInvoke(Nurse, personal, ActionData(draft, "feedback.inPerson")));
        Assert.Equal(System.Net.HttpStatusCode.OK, inPerson.StatusCode);
        await _chat.SayAsync(Social, "samenvatting");
        await _mdo.NextChatCardAsync("Samenvatting");
    }
}
