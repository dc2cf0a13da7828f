using System.Globalization;
using System.Text.Json.Nodes;
using MdoBot.Testing;
using Xunit.Abstractions;
using static MdoBot.EndToEnd.Tests.Crash.CrashChat;

namespace MdoBot.EndToEnd.Tests.Crash;

/// <summary>
/// Crash tests against the real MdoBot process (<c>dotnet MdoBot.Web.dll</c>, SQLite file, clock 60× faster,
/// connector = <see cref="FakeBotConnector"/> in this process): a scripted MDO during which MdoBot is killed
/// with SIGKILL at seeded random points and started again on the same database each time.
/// Seed: <c>MDOBOT_CRASH_SEED</c> (default 20260522).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const string LateWording = "Deze melding komt later dan gepland, omdat MdoBot even niet bereikbaar was.";
    private const int MinimumRandomKills = 20;

    private static readonly string[] Codes = ["Gezin A", "Gezin B", "Gezin C"];
    private static readonly int[] TimeBoxes = [30, 30, 5];

    private static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("MDOBOT_CRASH_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 20260522;

    /// <summary>
    /// install, agenda, 3 cases, start, goal, two actions, confirm, decline, extend, next, next, close — with
    /// SIGKILL at ≥ 20 random points (between steps, 0–50 ms into a delivery, 0–50 ms after its answer) and at the
    /// moment the connector accepted a card (start, close). Unacknowledged deliveries are sent again with the
    /// same activity id. Checked: at every kill, every acknowledged change is stored and none twice; at the end
    /// the MDO is complete, the audit has one entry per operation, the outbox is empty, every keyed card was
    /// posted once (plus only the posts the connector had accepted when MdoBot died unaware, counted as in doubt);
    /// the time-box timers pending at a kill fire once after the restart.
    /// </summary>
    [Fact]
    public async Task ScriptedMdo_SigkillAtRandomPoints_NoAcknowledgedChangeLostNoDuplicateEffectOutboxDrainedTimersFire()
    {
        var random = new Random(Seed);
        await using var run = await CrashRun.StartAsync(output);
        var chat = run.Chat;
        const int steps = 15;
        var plan = KillPlan.Make(random, steps, MinimumRandomKills);
        var planned = plan.Sum(q => q.Count);
        plan[5] = new Queue<KillPoint>([new KillPoint(KillKind.ConnectorAccepted), .. plan[5]]); // start: the live agenda / case card
        plan[14] = new Queue<KillPoint>([new KillPoint(KillKind.ConnectorAccepted), .. plan[14]]); // close: the summary
        run.Log($"seed {Seed}: {planned} random kill points planned over {steps} steps");
        var step = 0;
        Queue<KillPoint> Next() => plan[step++];

        try
        {
            // 1–2. Install, open the agenda (the chair creates the MDO); the editor card comes through the outbox.
            await run.StepAsync("install", chat.Install("crash-install"), "bot.installed", null, Next());
            await run.StepAsync("agenda", chat.Say(Chair, "agenda", "crash-agenda"), "mdo.created", m => (string?)m["id"] is not null, Next());
            var editor = (await run.WaitForSendAsync(c => HasVerb(c.Card, "agenda.addCase"), "the agenda editor")).Card!;

            // 3–5. Three cases through the editor (each answer is the next editor, with the new agenda version).
            for (var i = 0; i < Codes.Length; i++)
            {
                var data = ActionData(editor, "agenda.addCase");
                data["code"] = Codes[i];
                data["question"] = "Hoe ondersteunen we de ouders?";
                data["timeBox"] = TimeBoxes[i].ToString(CultureInfo.InvariantCulture);
                data["familyWants"] = "Rust in huis";
                var code = Codes[i];
                var answer = await run.StepAsync($"add case {code}", chat.Invoke(Chair, data, $"crash-addcase-{i}"), "agenda.caseAdded",
                    m => Case(m, code) is not null, Next());
                editor = CardOf(answer, $"add case {code}");
            }

            // 6. Start → live agenda and the first case card.
            await run.StepAsync("start", chat.Invoke(Chair, ActionData(editor, "mdo.start"), "crash-start"), "mdo.started",
                m => (string?)m["startedAt"] is not null, Next());
            var caseA = (await run.WaitForSendAsync(c => IsCaseCard(c, Codes[0]), "the case card of Gezin A")).Card!;

            // 7. Goal, decisions, case lead.
            var save = ActionData(caseA, "case.save");
            save["goal"] = "Veilig opgroeien";
            save["decisions"] = "Wekelijks huisbezoek";
            save["caseLead"] = Nurse.Id;
            caseA = CardOf(await run.StepAsync("record goal", chat.Invoke(Chair, save, "crash-goal"), "case.recorded",
                m => (string?)Case(m, Codes[0])?["sharedGoal"] == "Veilig opgroeien", Next()), "record goal");

            // 8–9. Actions for two owners; their cards come through the outbox.
            var due = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var (owner, text, id) in new[] { (Nurse, "Belt de huisarts", "crash-action-1"), (Social, "Regelt kinderopvang", "crash-action-2") })
            {
                var add = ActionData(caseA, "case.addAction");
                add["actionOwner"] = owner.Id;
                add["actionText"] = text;
                add["actionDue"] = due;
                caseA = CardOf(await run.StepAsync($"action for {owner.Name}", chat.Invoke(Chair, add, id), "action.added",
                    m => Action(m, text) is not null, Next()), $"action for {owner.Name}");
            }

            var nurseCard = (await run.WaitForSendAsync(c => IsActionCard(c, Nurse.Name), "the action card for Bram")).Card!;
            var socialCard = (await run.WaitForSendAsync(c => IsActionCard(c, Social.Name), "the action card for Carla")).Card!;

            // 10–11. The owners answer: one confirms, one declines with a reason.
            await run.StepAsync("confirm", chat.Invoke(Nurse, ActionData(nurseCard, "action.confirm"), "crash-confirm"), "action.confirmed",
                m => (string?)Action(m, "Belt de huisarts")?["status"] == "Confirmed", Next());
            var decline = ActionData(socialCard, "action.decline");
            decline["declineReason"] = "Geen capaciteit";
            await run.StepAsync("decline", chat.Invoke(Social, decline, "crash-decline"), "action.declined",
                m => (string?)Action(m, "Regelt kinderopvang")?["status"] == "Declined", Next());

            // 12. Extend the current case by 5 minutes.
            await run.StepAsync("extend", chat.Invoke(Chair, ActionData(caseA, "mdo.extend"), "crash-extend"), "case.extended",
                m => (int?)Case(m, Codes[0])?["extensionMinutes"] == 5, Next());

            // 13. Next case (B).
            await run.StepAsync("next → B", chat.Invoke(Chair, ActionData(caseA, "mdo.next"), "crash-next-1"), "mdo.nextCase",
                m => (string?)Case(m, Codes[1])?["status"] is "Current" or "Done", Next());
            var caseB = (await run.WaitForSendAsync(c => IsCaseCard(c, Codes[1]), "the case card of Gezin B")).Card!;

            // 14. Next case (C, a 5-minute box = 5 s of real time): killed while its warning and time-up timers are
            //     pending, kept down past their due time, started again.
            var random14 = Next();
            var timers = await TimerPhaseAsync(run, chat.Invoke(Chair, ActionData(caseB, "mdo.next"), "crash-next-2"), random14);

            // 15. Close: the summary (and the feedback draft for the case lead, the evaluation) through the outbox.
            await run.StepAsync("close", chat.Say(Chair, "afronden", "crash-close"), "mdo.closed", m => (string?)m["closedAt"] is not null, Next());
            await run.WaitForSendAsync(c => ((string?)c.Card?["fallbackText"])?.StartsWith("Samenvatting", StringComparison.Ordinal) == true, "the summary");

            // Final kill and restart: everything stored must go out.
            await run.KillAsync("final: after close");
            await run.EnsureAliveAsync();
            var drained = await run.WaitForEmptyOutboxAsync(TimeSpan.FromSeconds(60));
            run.Log($"final restart: outbox empty after {drained.TotalSeconds:0.0} s");
            await Task.Delay(500); // allowed: real process; a post that would wrongly come twice has time to show
            await run.Bot.KillAsync();

            AssertFinalState(run, timers);
        }
        finally
        {
            output.WriteLine(string.Empty);
            output.WriteLine($"kill points: {run.Bot.Kills} (SIGKILL), restarts: {run.Bot.Starts - 1}, starts: {run.Bot.Starts}, " +
                $"redeliveries (same activity id): {run.Redeliveries}, in-doubt posts: {run.InDoubtCount}, run time: {run.Elapsed.TotalSeconds:0} s, " +
                $"average start-up: {(run.Bot.StartDurations.Count == 0 ? 0 : run.Bot.StartDurations.Average(d => d.TotalSeconds)):0.00} s");
            foreach (var kill in run.KillLog)
            {
                output.WriteLine("  kill: " + kill);
            }

            foreach (var doubt in run.InDoubtDescriptions())
            {
                output.WriteLine("  in doubt (accepted by the connector, not yet recorded by MdoBot when killed): " + doubt);
            }

            foreach (var violation in run.Violations)
            {
                output.WriteLine("  VIOLATION: " + violation);
            }
        }
    }

    /// <summary>
    /// TimerScheduler's promise: a timer that fell due while MdoBot was down fires at once after the restart,
    /// marked late (TimeNoticeCard: "Deze melding komt later dan gepland…"). A 5-minute case is started
    /// (5 s of real time at 60×), MdoBot is killed right after the answer with both time-box timers pending,
    /// kept down for 6.5 s — past the time box in real time — and started again.
    /// </summary>
    [Fact]
    public async Task TimeBoxTimers_MdoBotDownPastTheirDueTime_FireOnceAtRestartMarkedLate()
    {
        await using var run = await CrashRun.StartAsync(output);
        var chat = run.Chat;
        await run.StepAsync("install", chat.Install("late-install"), "bot.installed", null, new());
        await run.StepAsync("agenda", chat.Say(Chair, "agenda", "late-agenda"), "mdo.created", null, new());
        var editor = (await run.WaitForSendAsync(c => HasVerb(c.Card, "agenda.addCase"), "the agenda editor")).Card!;
        var data = ActionData(editor, "agenda.addCase");
        data["code"] = "Gezin T";
        data["question"] = "Wat is nodig?";
        data["timeBox"] = "5";
        editor = CardOf(await run.StepAsync("add case", chat.Invoke(Chair, data, "late-addcase"), "agenda.caseAdded", null, new()), "add case");
        await run.StepAsync("start", chat.Invoke(Chair, ActionData(editor, "mdo.start"), "late-start"), "mdo.started", null,
            new Queue<KillPoint>([new KillPoint(KillKind.AfterAck, 0)]));
        var startedReal = DateTimeOffset.UtcNow;

        var pending = run.Database.Timers().Where(t => t.Kind is "case.warning" or "case.timeUp").ToList();
        Assert.True(pending.Count == 2, "warning and time-up are stored while MdoBot is down: " + string.Join(", ", pending));
        await Task.Delay(startedReal + TimeSpan.FromSeconds(6.5) - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero); // allowed: real MdoBot process on a real clock (crash test)
        var restartedAt = DateTimeOffset.UtcNow;
        run.Log($"down {(restartedAt - startedReal).TotalSeconds:0.0} s (the 5-minute box is 5 s of real time); stored due times vs. the wall clock now: " +
            string.Join(", ", pending.Select(t => $"{t.Kind} {(t.DueAt - restartedAt).TotalSeconds:+0;-0} s")));
        await run.EnsureAliveAsync();

        var warning = await run.WaitForSendAsync(c => Fallback(c) is { } f && f.StartsWith("Nog ", StringComparison.Ordinal) && f.EndsWith(" voor Gezin T", StringComparison.Ordinal),
            "the warning", TimeSpan.FromSeconds(90));
        var timeUp = await run.WaitForSendAsync(c => Fallback(c) == "De tijd voor Gezin T is om", "the time-up notice", TimeSpan.FromSeconds(90));
        run.Log($"notices arrived {(DateTimeOffset.UtcNow - restartedAt).TotalSeconds:0.0} s after the restart");
        foreach (var line in run.Bot.LogLines("Timer case."))
        {
            run.Log(line);
        }

        await Task.Delay(500); // allowed: real MdoBot process on a real clock (crash test)
        await run.Bot.KillAsync();
        Assert.Single(run.Sends(), s => Fallback(s) == Fallback(warning));
        Assert.Single(run.Sends(), s => Fallback(s) == Fallback(timeUp));
        Assert.Equal(1, run.Database.AuditCount("case.warningSent"));
        Assert.Equal(1, run.Database.AuditCount("case.timeUpSent"));
        Assert.True(warning.Json.Contains(LateWording, StringComparison.Ordinal) && timeUp.Json.Contains(LateWording, StringComparison.Ordinal),
            "Both notices fell due while MdoBot was down and must say so. MdoBot's log: " + string.Join(" | ", run.Bot.LogLines("Timer case.")) +
            ". With Development:TimeScale the clock restarts at the wall clock on every start (ScaledTimeProvider's origin is the process start), " +
            "so MdoBot's time goes back at a restart and the stored due times lie ahead again.");
    }

    /// <summary>
    /// The time-box timers of the current case fall due while MdoBot is down: started fresh, "next" to the 5-minute
    /// case C, killed right after the answer (timers stored, pending), kept down past the due time (in real time:
    /// 5 min at 60× = 5 s), started again → warning and time-up arrive exactly once each.
    /// </summary>
    private static async Task<TimerOutcome> TimerPhaseAsync(CrashRun run, JsonObject next, Queue<KillPoint> randomKills)
    {
        // Random points of this step are spent before it, between steps.
        while (randomKills.TryDequeue(out _))
        {
            await run.KillAsync("next → C: between steps");
            await run.EnsureAliveAsync();
        }

        await run.KillAsync("next → C: fresh start before the timer test");
        await run.EnsureAliveAsync();
        var answered = await run.StepAsync("next → C", next, "mdo.nextCase", m => (string?)Case(m, Codes[2])?["status"] is "Current" or "Done",
            new Queue<KillPoint>([new KillPoint(KillKind.AfterAck, 0)]));
        var startedReal = DateTimeOffset.UtcNow;
        Assert.NotNull(answered);

        var pending = run.Database.Timers().Where(t => t.Kind is "case.warning" or "case.timeUp").ToList();
        Assert.True(pending.Count == 2, "warning and time-up are stored while MdoBot is down: " + string.Join(", ", pending));
        var lastDue = pending.Max(t => t.DueAt);
        var downUntil = startedReal + TimeSpan.FromSeconds((TimeBoxes[2] * 60.0 / CrashBot.TimeScale) + 1.5);
        var wait = downUntil - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait); // allowed: real MdoBot process on a real clock (crash test)
        }

        run.Log($"timer phase: down {(DateTimeOffset.UtcNow - startedReal).TotalSeconds:0.0} s (5-min box = {TimeBoxes[2] * 60.0 / CrashBot.TimeScale:0.0} s real); " +
            $"stored due times: {string.Join(", ", pending.Select(t => $"{t.Kind} {(t.DueAt - DateTimeOffset.UtcNow).TotalSeconds:+0;-0} s vs. wall clock"))}");
        var restartedAt = DateTimeOffset.UtcNow;
        await run.EnsureAliveAsync();
        var warning = await run.WaitForSendAsync(c => Fallback(c) == $"Nog 3 minuten voor {Codes[2]}" || IsWarning(c), "the warning for Gezin C", TimeSpan.FromSeconds(120));
        var timeUp = await run.WaitForSendAsync(c => Fallback(c) == $"De tijd voor {Codes[2]} is om", "the time-up notice for Gezin C", TimeSpan.FromSeconds(120));
        var arrived = DateTimeOffset.UtcNow - restartedAt;

        // Let both notices be recorded as delivered before the next kill: whether a notice is posted once is
        // then about the timer alone (a kill between the connector's answer and MdoBot's record of it is
        // exercised elsewhere in the script).
        await run.WaitForEmptyOutboxAsync(TimeSpan.FromSeconds(30));
        run.Log($"timer phase: both notices arrived {arrived.TotalSeconds:0.0} s after the restart; last stored due time was " +
            $"{(lastDue - restartedAt).TotalSeconds:0} s ahead of the wall clock at the restart");
        return new TimerOutcome(warning, timeUp, arrived);
    }

    private static void AssertFinalState(CrashRun run, TimerOutcome timers)
    {
        var db = run.Database;
        Assert.Empty(run.Violations);
        Assert.True(run.Bot.Kills >= MinimumRandomKills, $"{run.Bot.Kills} kills");

        // The MDO: every acknowledged change.
        var mdo = Assert.Single(db.Mdos());
        Assert.Equal("Closed", (string?)mdo["state"]);
        Assert.Equal(Codes, mdo["cases"]!.AsArray().Select(c => (string?)c!["code"]).ToArray());
        var a = Case(mdo, Codes[0])!;
        Assert.Equal("Veilig opgroeien", (string?)a["sharedGoal"]);
        Assert.Equal("Wekelijks huisbezoek", (string?)a["decisions"]);
        Assert.Equal(Nurse.Id, (string?)a["caseLead"]?["id"]);
        Assert.Equal(5, (int?)a["extensionMinutes"]);
        var actions = a["actions"]!.AsArray();
        Assert.Equal(2, actions.Count);
        Assert.Equal("Confirmed", (string?)Action(mdo, "Belt de huisarts")!["status"]);
        Assert.Equal(Nurse.Id, (string?)Action(mdo, "Belt de huisarts")!["owner"]?["id"]);
        Assert.Equal("Declined", (string?)Action(mdo, "Regelt kinderopvang")!["status"]);
        Assert.Equal("Geen capaciteit", (string?)Action(mdo, "Regelt kinderopvang")!["declineReason"]);

        // The audit: exactly one entry per acknowledged operation (retried deliveries recognised).
        var audit = db.AuditCounts();
        var expected = new Dictionary<string, long>
        {
            ["bot.installed"] = 1, ["mdo.created"] = 1, ["agenda.caseAdded"] = 3, ["mdo.started"] = 1, ["case.recorded"] = 1,
            ["action.added"] = 2, ["action.confirmed"] = 1, ["action.declined"] = 1, ["case.extended"] = 1, ["mdo.nextCase"] = 2, ["mdo.closed"] = 1,
        };
        foreach (var (action, count) in expected)
        {
            Assert.True(audit.GetValueOrDefault(action) == count, $"audit '{action}': {audit.GetValueOrDefault(action)} entries, expected {count}");
            Assert.Equal(count, run.Acknowledged.GetValueOrDefault(action));
        }

        // The outbox: everything delivered, nothing given up.
        Assert.Empty(db.Outbox());

        // Keyed cards: posted, and posted once (+ the copies the connector had accepted when MdoBot died unaware).
        var posted = db.PostedCards();
        var mdoId = (string)mdo["id"]!;
        var caseIds = mdo["cases"]!.AsArray().Select(c => (string)c!["id"]!).ToList();
        var actionIds = actions.Select(x => (string)x!["id"]!).ToList();
        string[] keys =
        [
            $"agenda:{mdoId}", .. caseIds.Select(c => $"case:{mdoId}:{c}"), .. actionIds.Select(x => $"action:{mdoId}:{x}"),
            $"summary:{mdoId}", $"evaluation:{mdoId}", $"feedback:{mdoId}:{caseIds[0]}",
        ];
        var sends = run.Sends();
        foreach (var key in keys)
        {
            Assert.True(posted.TryGetValue(key, out var activityId), $"card {key} was never recorded as posted");
            var first = sends.Single(s => s.ActivityId == activityId);
            var copies = sends.Count(s => JsonNode.DeepEquals(s.Card, first.Card));
            var allowed = 1 + run.InDoubtCopies(first.Card);
            Assert.True(copies == allowed, $"card {key} ({CrashRun.Describe(first.Card)}) was posted {copies}×, expected {allowed}");
        }

        // By kind, too: one case card per case, one card per action, one summary.
        foreach (var code in Codes)
        {
            AssertPostedOnce(run, sends.Where(s => IsCaseCard(s, code)).ToList(), $"case card {code}");
        }

        AssertPostedOnce(run, sends.Where(s => IsActionCard(s, Nurse.Name)).ToList(), "action card Bram");
        AssertPostedOnce(run, sends.Where(s => IsActionCard(s, Social.Name)).ToList(), "action card Carla");
        AssertPostedOnce(run, sends.Where(s => Fallback(s)?.StartsWith("Samenvatting", StringComparison.Ordinal) == true).ToList(), "summary");

        // The timers pending at the kill fired after the restart, once each, and are gone.
        var cId = caseIds[2];
        Assert.Single(sends, s => Fallback(s) == Fallback(timers.Warning));
        Assert.Single(sends, s => Fallback(s) == $"De tijd voor {Codes[2]} is om");
        Assert.Equal(1, db.AuditCount("case.warningSent", cId));
        Assert.Equal(1, db.AuditCount("case.timeUpSent", cId));
        Assert.DoesNotContain(db.Timers(), t => t.Key.EndsWith(mdoId, StringComparison.Ordinal) && t.Kind.StartsWith("case.", StringComparison.Ordinal));

        // Late or on time: the card says what MdoBot's own clock said when the timer fired (see the log line).
        foreach (var (notice, kind) in new[] { (timers.Warning, "case.warning"), (timers.TimeUp, "case.timeUp") })
        {
            var fired = run.Bot.LogLines($"Timer {kind} fired").LastOrDefault() ?? throw new InvalidOperationException($"no 'Timer {kind} fired' log line");
            var late = fired.Contains("(late: True)", StringComparison.Ordinal);
            Assert.Equal(late, notice.Json.Contains(LateWording, StringComparison.Ordinal));
            run.Log($"{kind}: {fired}");
        }
    }

    private static void AssertPostedOnce(CrashRun run, List<RecordedCall> posts, string what)
    {
        Assert.NotEmpty(posts);
        var distinct = posts.DistinctBy(p => p.Card!.ToJsonString()).ToList();
        Assert.True(distinct.Count == 1, $"{what}: {distinct.Count} different cards posted");
        var allowed = 1 + run.InDoubtCopies(posts[0].Card);
        Assert.True(posts.Count == allowed, $"{what} posted {posts.Count}×, expected {allowed}");
    }

    private static JsonNode CardOf(JsonNode? answer, string step) =>
        (string?)answer?["type"] == "application/vnd.microsoft.card.adaptive" && answer["value"] is { } card
            ? card
            : throw new InvalidOperationException($"{step}: the answer is not a card: {answer?.ToJsonString()}");

    private static bool IsCaseCard(RecordedCall c, string code) => HasVerb(c.Card, "case.save") && Fallback(c) == $"Casus {code}";

    private static bool IsActionCard(RecordedCall c, string ownerName) =>
        Fallback(c)?.StartsWith($"Actie voor {ownerName}:", StringComparison.Ordinal) == true;

    private static bool IsWarning(RecordedCall c) =>
        Fallback(c) is { } f && f.StartsWith("Nog ", StringComparison.Ordinal) && f.EndsWith($" voor {Codes[2]}", StringComparison.Ordinal);

    private static string? Fallback(RecordedCall c) => (string?)c.Card?["fallbackText"];

    private static JsonObject? Case(JsonObject mdo, string code) =>
        mdo["cases"]?.AsArray().OfType<JsonObject>().FirstOrDefault(c => (string?)c["code"] == code);

    private static JsonObject? Action(JsonObject mdo, string description) =>
        mdo["cases"]?.AsArray().OfType<JsonObject>().SelectMany(c => c["actions"]?.AsArray().OfType<JsonObject>() ?? [])
            .FirstOrDefault(a => (string?)a["description"] == description);

    private sealed record TimerOutcome(RecordedCall Warning, RecordedCall TimeUp, TimeSpan ArrivedAfterRestart);
}
