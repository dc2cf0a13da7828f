using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using MdoBot.BotFramework.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Security;

/// <summary>
/// Posts more than 10,000 random and mutated bodies to <c>/api/messages</c> while an MDO is in
/// progress: no 5xx, no unhandled exception in the logs, and the bodies that are refused at the
/// door (400/401/413) change nothing.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : MeetingChatTest
{
    private const int Seed = 20261123;
    private const int Cases = 10_240;
    private const int Parallelism = 8;

    private readonly CapturingLoggerProvider _logs = new();

    protected override (string ConversationId, string MeetingId) ChatIds => ("19:meeting_fuzz@thread.v2", "MCMxOTptZWV0aW5nX2Z1eno");

    protected override Task<BotApp> StartAppAsync() => SecurityKit.StartAsync(_logs);

    [Fact]
    public async Task Post_TenThousandRandomAndMutatedBodies_No5xxNoUnhandledExceptionRefusedChangeNothing()
    {
        var context = await PrepareMdoInProgressAsync();
        var corpus = new FuzzCorpus(context, Seed).Build(Cases);
        Assert.True(corpus.Count >= 10_000);

        // Phase 1: everything, 8 at a time.
        var clock = Stopwatch.StartNew();
        var results = await PostAllAsync(corpus);
        var phase1 = clock.Elapsed;
        await QuietAsync("after the fuzzing");

        // Phase 2: every body refused at the door, again, now that nothing else runs: same answer, no change at all.
        var refused = corpus.Where(c => results[c.Number].Status is 400 or 401 or 413).ToList();
        var before = StateSnapshot.Of(App);
        var mdoBefore = App.MdoJson();
        clock.Restart();
        var again = await PostAllAsync(refused);
        var phase2 = clock.Elapsed;
        await QuietAsync("after the re-post");
        var after = StateSnapshot.Of(App);

        // The figures, for the record.
        var byStatus = results.Values.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        output.WriteLine($"Fuzz seed {Seed}: {corpus.Count} cases posted in {phase1.TotalSeconds:0.0} s ({Parallelism} concurrent); by status: {string.Join(", ", byStatus)}");
        output.WriteLine($"Refused at the door and re-posted in {phase2.TotalSeconds:0.0} s: {refused.Count} (400: {refused.Count(c => results[c.Number].Status == 400)}, 401: {refused.Count(c => results[c.Number].Status == 401)}, 413: {refused.Count(c => results[c.Number].Status == 413)})");
        foreach (var kind in corpus.GroupBy(c => c.Kind.Split(':')[0]).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {kind.Key}: {kind.Count()} cases — " + string.Join(", ", kind.GroupBy(c => results[c.Number].Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        }

        var serverErrors = corpus.Where(c => results[c.Number].Status >= 500 && !IsUnknownInvoke(c, results[c.Number].Status)).ToList();
        output.WriteLine($"5xx (other than 501 for an unknown invoke name): {serverErrors.Count}");
        foreach (var group in serverErrors.GroupBy(c => Headline(results[c.Number].Body) + " @ " + Origin(results[c.Number].Body)).OrderByDescending(g => g.Count()))
        {
            var first = group.First();
            output.WriteLine($"  {group.Count()} × {results[first.Number].Status} {group.Key}");
            output.WriteLine($"    e.g. case #{first.Number} ({first.Kind}); kinds: {string.Join(", ", group.Select(c => c.Kind).Distinct().Take(6))}");
            output.WriteLine("    body: " + Preview(first.Body));
        }

        var failures = _logs.Failures();
        output.WriteLine($"Error log entries with an exception / unhandled: {failures.Count}");
        foreach (var group in failures.GroupBy(f => $"{f.Category}: {f.Exception?.GetType().Name}: {f.Exception?.Message ?? f.Message}").OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  {group.Count()} × {group.Key}");
        }

        var changedOnRepost = refused.Where(c => again[c.Number].Status != results[c.Number].Status).ToList();
        var diff = before.Diff(after);
        output.WriteLine($"Re-post of refused bodies: {changedOnRepost.Count} answered differently; state differences: {(diff.Count == 0 ? "none" : string.Join("; ", diff))}");

        Assert.Empty(serverErrors.Select(c => $"#{c.Number} {c.Kind}: {results[c.Number].Status} {Headline(results[c.Number].Body)}"));
        Assert.Empty(failures.Select(f => f.ToString()));
        Assert.Empty(changedOnRepost.Select(c => $"#{c.Number} {c.Kind}: {results[c.Number].Status} then {again[c.Number].Status}"));
        Assert.Empty(diff);
        Assert.Equal(mdoBefore, App.MdoJson());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await App.Client.GetAsync("/readyz")).StatusCode);
    }

    /// <summary>
    /// The distinct crashes the fuzzing found, one minimal body each (names say what is wrong), so that
    /// each fix can be checked on its own. Every one must get a 2xx/4xx answer and log no unhandled exception.
    /// </summary>
    [Fact]
    public async Task Post_KnownCrashingBodies_AnsweredWithoutServerError()
    {
        await Chat.SayAsync(Chair, "agenda");
        var editor = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"))).Card!;
        var chairData = ActionData(editor, "agenda.publish");

        JsonObject Message(string text, (string Id, string Name)? user = null)
        {
            var a = Chat.Activity("groupchat-message-mention", user ?? Nurse);
            a["text"] = text;
            return a;
        }

        byte[] Utf8(JsonNode a) => System.Text.Encoding.UTF8.GetBytes(a.ToJsonString());

        // Replaces the quoted marker "@@" in the JSON with raw bytes (an invalid UTF-8 sequence, or an escaped lone surrogate).
        byte[] WithRaw(JsonNode a, byte[] raw)
        {
            var json = a.ToJsonString();
            var at = json.IndexOf("\"@@\"", StringComparison.Ordinal);
            return [.. System.Text.Encoding.UTF8.GetBytes(json[..at]), .. raw, .. System.Text.Encoding.UTF8.GetBytes(json[(at + 4)..])];
        }

        var repros = new List<(string Name, byte[] Body)>();
        var mentionTypeNumber = Message("<at>MdoBot</at> help");
        mentionTypeNumber["entities"] = new JsonArray(new JsonObject { ["type"] = 5, ["mentioned"] = new JsonObject { ["id"] = "x" } });
        repros.Add(("entities[].type is a number (CommandText.Parse: ValueEquals on a non-string)", Utf8(mentionTypeNumber)));
        var clientInfoTypeBool = Message("help");
        clientInfoTypeBool.Remove("locale");
        clientInfoTypeBool["entities"] = new JsonArray(new JsonObject { ["type"] = true, ["locale"] = "en-US" });
        repros.Add(("no locale, entities[].type is true (LanguageResolver.ClientInfoLocale: ValueEquals on a non-string)", Utf8(clientInfoTypeBool)));
        var mentionTextSurrogate = Message("<at>MdoBot</at> help");
        mentionTextSurrogate["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "@@", ["mentioned"] = new JsonObject { ["id"] = "00000000-0000-0000-0000-00000000000011" } });
        repros.Add(("entities[].text is a lone surrogate \\uD800 (CommandText.Parse: GetString)", WithRaw(mentionTextSurrogate, "\"\\uD800\""u8.ToArray())));
        var meetingUtf8 = Message("help");
        meetingUtf8["channelData"]!["meeting"]!["id"] = "@@";
        repros.Add(("channelData.meeting.id holds invalid UTF-8 (ConversationRefs.MeetingId: GetString)", WithRaw(meetingUtf8, [(byte)'"', 0xC3, 0x28, (byte)'"'])));
        var meetingSurrogate = Message("help");
        meetingSurrogate["channelData"]!["meeting"]!["id"] = "@@";
        repros.Add(("channelData.meeting.id is a lone surrogate \\uDFFF (ConversationRefs.MeetingId: GetString)", WithRaw(meetingSurrogate, "\"\\uDFFF\""u8.ToArray())));
        var verbUtf8 = Chat.InvokeActivity(Nurse, new JsonObject { ["verb"] = "x" });
        verbUtf8["value"]!["action"]!["verb"] = "@@";
        repros.Add(("invoke value.action.verb holds invalid UTF-8 (ActivityRouter.ReadExecuteAction: GetString)", WithRaw(verbUtf8, [(byte)'"', 0xFF, (byte)'"'])));
        var submitSurrogate = Chat.Activity("groupchat-message-actionSubmit", Nurse);
        submitSurrogate["value"] = new JsonObject { ["verb"] = "@@" };
        repros.Add(("Action.Submit value.verb is a lone surrogate (ActivityRouter.RouteMessageAsync: GetString)", WithRaw(submitSurrogate, "\"\\uD800x\""u8.ToArray())));
        var inputUtf8 = Chat.InvokeActivity(Nurse, new JsonObject { ["verb"] = "agenda.open", ["comment"] = "@@" });
        repros.Add(("a card input holds invalid UTF-8 (SensitiveInputFilter.CheckObject: GetString)", WithRaw(inputUtf8, [(byte)'"', 0xE2, 0x82, (byte)'"'])));
        repros.Add(("text with 5,000 '<at>' and no '</at>' (CommandText.Parse: regex time-out after 100 ms)", Utf8(Message("<at>MdoBot</at> help " + string.Concat(Enumerable.Repeat("<at>", 5000))))));
        var query = Message("agenda");
        query["conversation"]!["id"] = "19:meeting_query@thread.v2";
        query["serviceUrl"] = App.Connector.ServiceUrl + "?x=1";
        repros.Add(("serviceUrl with a query string, 'agenda' in a new chat (ConnectorUrls.Build throws ArgumentException via MemberDirectory)", Utf8(query)));
        var blankUser = Chat.InvokeActivity((" ", "Iemand"), chairData);
        repros.Add(("from.id is blank, presses a chair button (OrganizerCheck: ConnectorUrls.Participant throws ArgumentException)", Utf8(blankUser)));
        var nullMember = Chat.Activity("groupchat-conversationUpdate-botAdded", Chair);
        nullMember["membersAdded"] = new JsonArray(null, new JsonObject { ["id"] = "x" });
        repros.Add(("conversationUpdate with membersAdded [null] (WelcomeHandler: NullReferenceException)", Utf8(nullMember)));
        var nullRemoved = Chat.Activity("groupchat-conversationUpdate-botAdded", Chair);
        nullRemoved.Remove("membersAdded");
        nullRemoved["membersRemoved"] = new JsonArray((JsonNode?)null);
        repros.Add(("conversationUpdate with membersRemoved [null] (WelcomeHandler: NullReferenceException)", Utf8(nullRemoved)));

        var crashes = new List<string>();
        foreach (var (name, body) in repros)
        {
            var before = _logs.Failures().Count;
            var (status, text) = await App.PostBytesAsync(body);
            var logged = _logs.Failures().Skip(before).Select(f => f.Exception?.GetType().Name ?? f.Message).ToList();
            output.WriteLine($"{status} — {name}{(logged.Count == 0 ? string.Empty : " — logged: " + string.Join(", ", logged))}");
            if (status >= 500 || logged.Count > 0)
            {
                crashes.Add($"{status} {name}: {Headline(text)}");
            }
        }

        Assert.Empty(crashes);
    }

    /// <summary>
    /// A message that can never be delivered (its conversation's serviceUrl cannot form a connector URL) must be
    /// given up, not retried forever; and such messages must not hold up the other chats. The outbox takes the
    /// oldest 200 pending items per round, so 201 of them stop all delivery.
    /// </summary>
    [Fact]
    public async Task Outbox_UndeliverableMessages_GivenUpAndOtherChatsStillServed()
    {
        // A serviceUrl with a query is refused at the door now (it used to be stored and then fail delivery).
        var query = Chat.Activity("groupchat-message-mention", Nurse);
        query["serviceUrl"] = App.Connector.ServiceUrl + "?x=1";
        query["text"] = "help";
        Assert.Equal(400, (await App.PostBytesAsync(System.Text.Encoding.UTF8.GetBytes(query.ToJsonString()))).Status);

        // Undeliverable items already in the outbox (more than one delivery batch) must not hold up other chats.
        using (var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={App.DatabasePath};Pooling=False"))
        {
            conn.Open();
            for (var i = 0; i < 201; i++)
            {
                using var cmd = conn.CreateCommand();
                cmd.CommandText = "INSERT INTO outbox (conversation_id, service_url, operation, activity_json, attempts, failed) VALUES ('19:meeting_query@thread.v2', $url, 'Send', '{not json', 0, 0)";
                cmd.Parameters.AddWithValue("$url", App.Connector.ServiceUrl);
                cmd.ExecuteNonQuery();
            }
        }

        await Chat.SayAsync(Nurse, "help");
        var served = await App.Connector.WaitForAsync(c => c.ConversationId == Chat.ConversationId && c.IsCard("Commando"), TimeSpan.FromSeconds(5))
            .ContinueWith(t => t.IsCompletedSuccessfully);
        await App.DrainAsync(TimeSpan.FromSeconds(10));
        var loopErrors = _logs.Entries.Count(e => e.Message.Contains("Outbox loop error", StringComparison.Ordinal));
        output.WriteLine($"Meeting chat served: {served}; still pending: {App.PendingOutbox()}; 'Outbox loop error' logged {loopErrors} times");

        Assert.True(served, "a message for the meeting chat was not delivered within 5 s: undeliverable items of another chat hold up the outbox");
        Assert.Equal(0, App.PendingOutbox());
        Assert.Equal(0, loopErrors);
    }

    /// <summary>Bot Framework answers an invoke it does not handle with 501; that is by design (see BadInputTests).</summary>
    private static bool IsUnknownInvoke(FuzzCase c, int status) =>
        status == 501 && c.Peek() is ("invoke", var name) && name != ActivityRouter.CardActionInvoke;

    private async Task<ConcurrentDictionary<int, (int Status, string Body)>> PostAllAsync(IReadOnlyList<FuzzCase> cases)
    {
        var results = new ConcurrentDictionary<int, (int, string)>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (c, _) =>
        {
            try
            {
                results[c.Number] = await App.PostBytesAsync(c.Body, c.Authorization, c.ContentType);
            }
            catch (HttpRequestException e)
            {
                results[c.Number] = (599, "transport: " + e.Message); // the server dropped the connection: counted as a 5xx
            }
        });
        return results;
    }

    /// <summary>Waits until the outbox is empty, or (when something is stuck) until nothing moves for a while.</summary>
    private async Task QuietAsync(string when)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var still = 0;
        var last = (-1L, -1);
        while (DateTime.UtcNow < deadline && still < 5)
        {
            var now = (App.PendingOutbox(), App.Connector.Calls.Count);
            if (now.Item1 == 0)
            {
                return;
            }

            still = now == last ? still + 1 : 0;
            last = now;
            await Task.Delay(100); // allowed: bounded poll until the outbox stops changing
        }

        output.WriteLine($"Outbox not empty {when}: {App.PendingOutbox()} item(s) stay pending.");
    }

    /// <summary>An MDO with three cases, started, with a proposed and a confirmed action; returns the corpus context.</summary>
    private async Task<FuzzContext> PrepareMdoInProgressAsync()
    {
        var s = new MdoScenario(App, Chat);
        var editor = await s.OpenEditorAsync();
        editor = await s.AddCasesAsync(editor, new CaseFields("Gezin A", "Vraag A"), new CaseFields("Gezin B"), new CaseFields("Gezin C"));
        var editCase = await Chat.InvokeAsync(Chair, ActionData(editor, "agenda.editCaseForm"));
        var caseCard = await s.StartAsync(editor, "Gezin A");
        caseCard = await s.SaveCaseRecordAsync(caseCard, "Doel", "Besluit", Nurse.Id);
        var proposed = await s.AddActionAsync(caseCard, Nurse, "Belt de huisarts");
        var confirmed = await s.AddActionAsync(caseCard, Social, "Regelt opvang");
        await s.ConfirmAsync(confirmed, Social);
        await App.DrainAsync();

        // Every Action.Execute data object MdoBot has put on a card so far, by verb.
        var verbData = new Dictionary<string, List<JsonObject>>();
        void Collect(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o when (string?)o["type"] == "Action.Execute" && o["data"] is JsonObject d && (string?)o["verb"] is { } v:
                    (verbData.TryGetValue(v, out var list) ? list : verbData[v] = []).Add(d.DeepClone().AsObject());
                    foreach (var p in o)
                    {
                        Collect(p.Value);
                    }

                    break;
                case JsonObject o:
                    foreach (var p in o)
                    {
                        Collect(p.Value);
                    }

                    break;
                case JsonArray a:
                    foreach (var e in a)
                    {
                        Collect(e);
                    }

                    break;
            }
        }

        foreach (var call in App.Connector.Calls)
        {
            Collect(call.Body);
        }

        Collect(editCase);
        var mdoId = s.MdoId!;
        var actionId = (string)ActionData(proposed, "action.confirm")["actionId"]!;
        var confirmedId = (string)ActionData(confirmed, "action.confirm")["actionId"]!;
        verbData.TryAdd("action.markDone", [new JsonObject { ["verb"] = "action.markDone", ["mdoId"] = mdoId, ["actionId"] = confirmedId }]);
        verbData.TryAdd("feedback.check", [new JsonObject { ["verb"] = "feedback.check", ["mdoId"] = mdoId, ["caseId"] = "c1", ["feedbackText"] = "Tekst" }]);
        verbData.TryAdd("feedback.send", [new JsonObject { ["verb"] = "feedback.send", ["mdoId"] = mdoId, ["caseId"] = "c1", ["feedbackText"] = "Tekst", ["parentEmail"] = "ouder@example.nl" }]);
        verbData.TryAdd("feedback.inPerson", [new JsonObject { ["verb"] = "feedback.inPerson", ["mdoId"] = mdoId, ["caseId"] = "c1" }]);
        verbData.TryAdd("eval.submit", [new JsonObject { ["verb"] = "eval.submit", ["mdoId"] = mdoId, ["q_keptToTime"] = "3", ["comment"] = "ok" }]);
        foreach (var verb in new[] { "followup.done", "followup.stillOpen", "followup.dropped" })
        {
            verbData.TryAdd(verb, [new JsonObject { ["verb"] = verb, ["mdoId"] = mdoId, ["actionId"] = actionId, ["currentMdoId"] = mdoId, ["caseId"] = "c1" }]);
        }

        var router = App.Services.GetRequiredService<ActivityRouter>();
        var fixtures = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => Path.GetFileNameWithoutExtension(f)).Select(n => (n, App.Fixture(n))).ToList();
        var missing = router.Verbs.Where(v => !verbData.ContainsKey(v)).ToList();
        output.WriteLine($"Verbs: {router.Verbs.Count} ({router.Verbs.Count - missing.Count} with real card data{(missing.Count == 0 ? string.Empty : ", synthesized for " + string.Join(", ", missing))}); commands: {router.CommandNames.Count}; fixtures: {fixtures.Count}");
        return new FuzzContext(App.Connector.ServiceUrl, Chat.ConversationId, Chat.MeetingId, mdoId, fixtures, verbData,
            [.. router.Verbs.Order(StringComparer.Ordinal)], [.. router.CommandNames.Order(StringComparer.Ordinal)], [Chair, Nurse, Social]);
    }

    private static string Headline(string body)
    {
        var line = body.Split('\n')[0].Trim();
        return line.Length > 160 ? line[..160] : line;
    }

    /// <summary>The first MdoBot frame of the stack trace the development exception page returned.</summary>
    private static string Origin(string body) =>
        body.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at MdoBot.", StringComparison.Ordinal)) is { } frame
            ? frame.Split(" in ")[0]
            : "?";

    private static string Preview(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        return text.Length > 300 ? text[..300] + $"… ({body.Length} bytes)" : text;
    }
}
