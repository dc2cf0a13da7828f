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
public sealed class ReplayTests(ITestOutputHelper output) : MeetingChatTest
{
    private const int Duplicates = 1_000;

    private readonly InboundRecorder _recorder = new();
    protected override (string ConversationId, string MeetingId) ChatIds => ("19:meeting_replay@thread.v2", "MCMxOTptZWV0aW5nX3JlcGxheQ");

    protected override bool InstallFirst => false;

    protected override Task<BotApp> StartAppAsync() => SecurityKit.StartAsync(services: s => s.AddSingleton<IStartupFilter>(_recorder));

    [Fact]
    public async Task Replay_WholeMdoRunDeliveredAgainThousandTimes_NothingHappensTwice()
    {
        await RunWholeMdoAsync();
        await App.DrainAsync();
        _recorder.Enabled = false;
        var recorded = _recorder.Requests;
        Assert.All(recorded, r => Assert.Equal(200, r.Status));
        var kinds = recorded.Select(Describe).GroupBy(k => k).Select(g => $"{g.Key} ×{g.Count()}");
        output.WriteLine($"Recorded {recorded.Count} inbound activities: {string.Join(", ", kinds)}");

        var before = StateSnapshot.Of(App);
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
                await Parallel.ForEachAsync(pairs, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (r, _) => Check(r, await App.PostBytesAsync(r.Body), mismatches));
                delivered += pairs.Count;
                concurrent += pairs.Count;
            }
            else
            {
                foreach (var r in batch)
                {
                    Check(r, await App.PostBytesAsync(r.Body), mismatches);
                }

                delivered += batch.Count;
            }

            round++;
            if (round == 10)
            {
                // A restart in between: the record of what was handled is stored, not kept in memory.
                await App.RestartAsync();
            }
        }

        await App.DrainAsync();
        var after = StateSnapshot.Of(App);
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
        await Chat.InstallAsync();
        var editor = await Scenario.OpenEditorAsync();
        editor = await Scenario.AddCasesAsync(editor, new CaseFields("Gezin A"));
        var caseCard = await Scenario.StartAsync(editor, "Gezin A");
        var actionCard = await Scenario.AddActionAsync(caseCard, Nurse, "Belt de huisarts");
        await App.DrainAsync();
        var before = StateSnapshot.Of(App);

        var confirm = System.Text.Encoding.UTF8.GetBytes(Chat.InvokeActivity(Nurse, ActionData(actionCard, "action.confirm"), "confirm-race").ToJsonString());
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => App.PostBytesAsync(confirm)));
        await App.DrainAsync();
        var after = StateSnapshot.Of(App);

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Contains("Bevestigd door Bram Jansen", answers[0].Body, StringComparison.Ordinal);
        Assert.Equal(1, App.AuditCount("action.confirmed"));
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
        await Chat.InstallAsync();
        var editor = await Scenario.OpenEditorAsync();
        editor = await Scenario.AddCasesAsync(editor, new CaseFields("Gezin A", "Hoe helpen we?"), new CaseFields("Gezin B"));
        await App.PostAsync(Chat.Activity("meetingchat-event-meetingStart-injected", Chair));
        await Scenario.NextChatCardAsync("mdo.start");
        var caseCard = await Scenario.StartAsync(editor, "Gezin A");
        caseCard = await Scenario.SaveCaseRecordAsync(caseCard, "Rust in huis", "Wekelijks contact", Nurse.Id);
        var a1 = await Scenario.AddActionAsync(caseCard, Nurse, "Belt de huisarts");
        var a2 = await Scenario.AddActionAsync(caseCard, Social, "Regelt opvang");
        Assert.Contains("Bevestigd door", Text(await Scenario.ConfirmAsync(a1, Nurse)), StringComparison.Ordinal);
        Assert.Contains("Geen tijd", Text(await Scenario.DeclineAsync(a2, Social, "Geen tijd")), StringComparison.Ordinal);
        var withDeclined = await Scenario.NextCallAsync(c => c.Kind == "update" && c.IsCard("action.reassign"));
        var reassign = ActionData(withDeclined.Card!, "action.reassign");
        reassign["newOwner_" + (string?)reassign["actionId"]] = Chair.Id;
        await Chat.InvokeAsync(Chair, reassign);
        var a3 = await Scenario.NextChatCardAsync("action.confirm", "<at>Anna de Vries</at>");

        // The Action.Submit fallback (a message with a value) and a typed command.
        var submit = Chat.Activity("groupchat-message-actionSubmit", Chair);
        submit["value"] = ActionData(a3, "action.confirm");
        submit.Remove("text");
        await App.PostAsync(submit);
        await Scenario.NextCallAsync(c => c.Kind == "update" && c.IsCard("Bevestigd door Anna de Vries"));
        var due = App.Time.GetUtcNow().AddDays(5).ToString("d-M-yyyy", CultureInfo.InvariantCulture);
        await Chat.SayAsync(Chair, $"actie <at>{Social.Name}</at> maakt een afspraak voor {due}", Social);
        await Scenario.NextChatCardAsync("action.confirm", "maakt een afspraak");
        await Chat.SayAsync(Chair, "verleng 5");
        await Scenario.NextCaseAsync("Gezin B");

        // Teams ends the meeting: the MDO closes; evaluation and feedback follow.
        var end = Chat.Activity("meetingchat-event-meetingStart-injected", Chair);
        end["name"] = "application/vnd.microsoft.meetingEnd";
        await App.PostAsync(end);
        await Scenario.NextChatCardAsync("Samenvatting");
        var evaluation = await Scenario.NextChatCardAsync("eval.submit");
        var answer = ActionData(evaluation, "eval.submit");
        answer["q_keptToTime"] = "4";
        answer["comment"] = "Goed overleg";
        await Chat.InvokeAsync(Nurse, answer);
        var (personal, draft) = await Scenario.FeedbackDraftAsync(Nurse, "Gezin A");
        var inPerson = await App.PostAsync(Scenario.PersonalInvoke(Nurse, personal, ActionData(draft, "feedback.inPerson")));
        Assert.Equal(System.Net.HttpStatusCode.OK, inPerson.StatusCode);
        await Chat.SayAsync(Social, "samenvatting");
        await Scenario.NextChatCardAsync("Samenvatting");
    }
}
