using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Hosting;
using MdoBot.Web.Tests.Legacy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Security;

/// <summary>
/// Erased means gone from every byte MdoBot stores. An MDO runs with a distinctive string in every free
/// text that reaches a card; many card buttons are pressed (invokes, whose answers the first schema kept
/// in the inbox); some outbox messages with that text fail for good and one stays pending; then the MDO is
/// erased (as a whole, one case, or by the retention job) and the storage compacted. Every table and every
/// column (<c>SELECT *</c> of each table in <c>sqlite_master</c>) and the raw bytes of the database, its WAL
/// and its shared-memory file (read as Latin-1 and as UTF-8) are scanned: no erased string may remain, while
/// the strings of an untouched MDO (and case) must still be found, so the scan is shown to see stored text.
/// </summary>
public sealed class RawScanErasureTests : IAsyncLifetime
{
    // Case 1 of the MDO that is erased. Plain ASCII words only, so no JSON escaping can hide them from a raw scan.
    private const string Code1 = "rs-ijsvogel-7";
    private const string Question1 = "Rawscan vraag ijsvogel slaapritme";
    private const string Wants1 = "Rawscan wens ijsvogel rust in huis";
    private const string Can1 = "Rawscan kracht ijsvogel oma helpt";
    private const string Needs1 = "Rawscan nood ijsvogel administratie";
    private const string Goal1 = "Rawscan doel ijsvogel doorslapen";
    private const string Decisions1 = "Rawscan besluit ijsvogel huisbezoek";
    private const string Action1 = "Rawscan actie ijsvogel belt huisarts";
    private const string Action2 = "Rawscan actie ijsvogel regelt opvang";
    private const string DeclineReason1 = "Rawscan weiger ijsvogel geen ruimte";
    private const string Feedback1 = "Beste ouders dit is de Rawscan terugkoppeling ijsvogel over de nachten";

    // Case 2 of the same MDO.
    private const string Code2 = "rs-grutto-4";
    private const string Question2 = "Rawscan vraag grutto schulden";
    private const string Wants2 = "Rawscan wens grutto eigen kamer";
    private const string Goal2 = "Rawscan doel grutto overzicht";
    private const string Decisions2 = "Rawscan besluit grutto schuldhulp";
    private const string Action3 = "Rawscan actie grutto zoekt budgetcoach";

    private const string Comment = "Rawscan evaluatie ijsvogel te weinig tijd";

    // The untouched MDO in another meeting chat.
    private const string KeptCode = "rs-kievit-2";
    private const string KeptQuestion = "Rawscan blijft vraag kievit";
    private const string KeptGoal = "Rawscan blijft doel kievit";
    private const string KeptAction = "Rawscan blijft actie kievit";

    private static readonly string[] Case1Strings = [Code1, Question1, Wants1, Can1, Needs1, Goal1, Decisions1, Action1, Action2, DeclineReason1];
    private static readonly string[] Case2Strings = [Code2, Question2, Wants2, Goal2, Decisions2, Action3];
    private static readonly string[] KeptMdoStrings = [KeptCode, KeptQuestion, KeptGoal, KeptAction];

    private BotApp _app = null!;
    private ClockedChat _chat = null!;
    private ClockedChat _keptChat = null!;

    private static string Personal((string Id, string Name) user) => "a:personal-" + user.Id;

    public async Task InitializeAsync()
    {
        _app = await SecurityKit.StartAsync(settings: new() { ["Privacy:RetentionDays"] = "30" });
        var chat = new MeetingChat(_app, "19:meeting_rawscan@thread.v2", "MCMxOTptZWV0aW5nX3Jhd3NjYW4");
        chat.RegisterMembers();
        _chat = new ClockedChat(_app, chat);
        var kept = new MeetingChat(_app, "19:meeting_rawkeep@thread.v2", "MCMxOTptZWV0aW5nX3Jhd2tlZXA");
        kept.RegisterMembers();
        _keptChat = new ClockedChat(_app, kept);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DeleteMeeting_AfterCloseWithFailedAndPendingOutbox_NoErasedTextInAnyTableOrFile()
    {
        await RunKeptMdoAsync();
        var mdoId = await RunMdoAsync(close: true);
        await _chat.SayAsync(Chair, "verwijder overleg");
        var confirm = await _chat.SentCardAsync("erase.meeting");
        string[] erased = [.. Case1Strings, .. Case2Strings, Comment];
        await FailSomeDeliveriesAsync(erased);

        var answer = await _chat.InvokeAsync(Chair, ActionData(confirm, "erase.meeting"));
        Assert.Contains("De inhoud van dit MDO is verwijderd", Text(answer), StringComparison.Ordinal);
        Assert.Equal(1, _app.AuditCount("mdo.erased"));
        await CompactAsync();

        await AssertScanAsync(erased.Append(Feedback1), KeptMdoStrings, KeptGoal);
        Assert.Contains("usedSeconds", _app.Query<string>("SELECT json FROM documents WHERE kind = 'mdo' AND id = $p0", mdoId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteCase_OneCaseWithFailedAndPendingOutbox_ItsTextGoneOtherCaseAndMdoKept()
    {
        await RunKeptMdoAsync();
        await RunMdoAsync(close: false); // case 2 is being discussed: case 1 can be erased
        await _chat.SayAsync(Chair, $"verwijder casus {Code1}");
        var confirm = await _chat.SentCardAsync("erase.case");
        await FailSomeDeliveriesAsync(Case1Strings);

        var answer = await _chat.InvokeAsync(Chair, ActionData(confirm, "erase.case"));
        Assert.Contains("De inhoud van de casus is verwijderd", Text(answer), StringComparison.Ordinal);
        Assert.Equal(1, _app.AuditCount("case.erased"));
        await CompactAsync();

        await AssertScanAsync(Case1Strings, [.. Case2Strings, .. KeptMdoStrings], KeptGoal);
    }

    [Fact]
    public async Task Retention_PeriodOverWithFailedAndPendingOutbox_NoErasedTextInAnyTableOrFile()
    {
        await RunKeptMdoAsync();
        await RunMdoAsync(close: true);
        string[] erased = [.. Case1Strings, .. Case2Strings, Comment];
        await FailSomeDeliveriesAsync(erased);

        // The action reminders fall due on the way (their messages queue behind the pending one), then the retention job.
        _app.Time.Advance(TimeSpan.FromDays(30).Add(TimeSpan.FromMinutes(1)));
        await StoredState.WaitUntilAsync(() => _app.AuditCount("mdo.retentionErased") == 1, "the retention job");
        await CompactAsync();

        await AssertScanAsync(erased.Append(Feedback1), KeptMdoStrings, keptAnswer: null); // 30 days on, the kept MDO's entries are pruned too
    }

    /// <summary>
    /// The MDO to erase: two cases with every free text, edit form, start, record, actions confirmed and declined,
    /// next case; when <paramref name="close"/>, also the close, the parents' feedback draft edited and checked,
    /// and an evaluation with a comment. Ends with the outbox delivered. Returns the MDO id.
    /// </summary>
    private async Task<string> RunMdoAsync(bool close)
    {
        await _chat.InstallAsync();
        await _chat.SayAsync(Chair, "agenda");
        var editor = await _chat.SentCardAsync("agenda.addCase");
        var mdoId = (string)ActionData(editor, "agenda.addCase")["mdoId"]!;
        editor = await AddCaseAsync(editor, Code1, Question1, Wants1, Can1, Needs1, Nurse.Id);
        editor = await AddCaseAsync(editor, Code2, Question2, Wants2, null, null, Social.Id);

        // The edit form shows case 1's texts; saving it unchanged answers the editor again.
        var form = (await _chat.InvokeAsync(Chair, ActionData(editor, "agenda.editCaseForm", d => (string?)d["caseId"] == "c1")))!["value"]!;
        Assert.Contains(Needs1, Text(form), StringComparison.Ordinal);
        var resave = ActionData(form, "agenda.saveCase");
        (resave["code"], resave["question"], resave["familyWants"], resave["familyCan"], resave["familyNeeds"]) = (Code1, Question1, Wants1, Can1, Needs1);
        (resave["timeBox"], resave["presenter"]) = ("20", Nurse.Id);
        editor = (await _chat.InvokeAsync(Chair, resave))!["value"]!;

        await _chat.InvokeAsync(Chair, ActionData(editor, "mdo.start"));
        var caseCard = await _chat.SentCardAsync("case.save", Code1);
        caseCard = await SaveRecordAsync(caseCard, Goal1, Decisions1, Nurse.Id);
        var card1 = await AddActionAsync(caseCard, Nurse, Action1);
        var card2 = await AddActionAsync(caseCard, Social, Action2);
        Assert.Contains(Action1, Text(await _chat.InvokeAsync(Nurse, ActionData(card1, "action.confirm"))), StringComparison.Ordinal);
        var decline = ActionData(card2, "action.decline");
        decline["declineReason"] = DeclineReason1;
        Assert.Contains(DeclineReason1, Text(await _chat.InvokeAsync(Social, decline)), StringComparison.Ordinal);
        await _chat.SayAsync(Chair, "verleng 5");

        await _chat.SayAsync(Chair, "volgende");
        caseCard = await _chat.SentCardAsync("case.save", Code2, "mdo.next");
        caseCard = await SaveRecordAsync(caseCard, Goal2, Decisions2, Social.Id);
        var card3 = await AddActionAsync(caseCard, Nurse, Action3);
        await _chat.InvokeAsync(Nurse, ActionData(card3, "action.confirm"));

        if (close)
        {
            await _chat.SayAsync(Chair, "afronden");
            await _chat.SentCardAsync("Samenvatting", Goal1);
            var draft = (await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == Personal(Nurse) && c.IsCard("feedback.check") && c.IsCard(Code1))).Card!;
            var check = ActionData(draft, "feedback.check");
            check["feedbackText"] = Feedback1;
            Assert.Contains(Feedback1, Text(await _chat.PersonalInvokeAsync(Nurse, Personal(Nurse), check)), StringComparison.Ordinal);

            var evaluation = await _chat.SentCardAsync("eval.submit");
            var answer = ActionData(evaluation, "eval.submit");
            (answer["q_keptToTime"], answer["q_languageClear"], answer["comment"]) = ("3", "4", Comment);
            await _chat.InvokeAsync(Nurse, answer);
            Assert.Contains(Comment, _app.DocumentJson("evaluation"), StringComparison.Ordinal);
        }

        await _app.DrainAsync();
        return mdoId;
    }

    /// <summary>The untouched MDO, in another meeting chat: one case, recorded, an action confirmed, still running.</summary>
    private async Task RunKeptMdoAsync()
    {
        await _keptChat.InstallAsync();
        await _keptChat.SayAsync(Chair, "agenda");
        var editor = await _keptChat.SentCardAsync("agenda.addCase");
        var add = ActionData(editor, "agenda.addCase");
        (add["code"], add["question"]) = (KeptCode, KeptQuestion);
        editor = (await _keptChat.InvokeAsync(Chair, add))!["value"]!;
        await _keptChat.InvokeAsync(Chair, ActionData(editor, "mdo.start"));
        var caseCard = await _keptChat.SentCardAsync("case.save", KeptCode);
        var save = ActionData(caseCard, "case.save");
        save["goal"] = KeptGoal;
        caseCard = (await _keptChat.InvokeAsync(Chair, save))!["value"]!;
        var addAction = ActionData(caseCard, "case.addAction");
        (addAction["actionOwner"], addAction["actionText"], addAction["actionDue"]) = (Nurse.Id, KeptAction, Due(7));
        await _keptChat.InvokeAsync(Chair, addAction);
        var actionCard = await _keptChat.SentCardAsync("action.confirm", KeptAction);
        await _keptChat.InvokeAsync(Nurse, ActionData(actionCard, "action.confirm"));
        await _app.DrainAsync();
    }

    /// <summary>
    /// Outbox messages carrying the MDO's text that fail for good (403 for the summary and the export: parked as dead
    /// letters, their content emptied at once) and one that stays pending (503 on every attempt), so that erasure has
    /// to reach the outbox too.
    /// </summary>
    private async Task FailSomeDeliveriesAsync(IReadOnlyCollection<string> erased)
    {
        await _app.DrainAsync();
        _app.Connector.FailNext.Enqueue(403);
        await _chat.SayAsync(Chair, "samenvatting");
        await StoredState.WaitUntilAsync(() => _app.Connector.FailNext.IsEmpty && _app.PendingOutbox() == 0, "the summary refused for good");
        _app.Connector.FailNext.Enqueue(403);
        await _chat.SayAsync(Chair, $"export {Code1}");
        await StoredState.WaitUntilAsync(() => _app.Connector.FailNext.IsEmpty && _app.PendingOutbox() == 0, "a part of the export refused for good");
        var failed = _app.Query<string>("SELECT COALESCE(group_concat(activity_json, char(10)), '') FROM outbox WHERE failed = 1");
        Assert.True(_app.Query<long>("SELECT COUNT(*) FROM outbox WHERE failed = 1") >= 2, "two dead letters");
        Assert.DoesNotContain(erased, s => failed.Contains(s, StringComparison.Ordinal)); // a dead letter keeps no content

        for (var i = 0; i < 120; i++)
        {
            _app.Connector.FailNext.Enqueue(503); // every try of the next sends (1 + MaxRetries each) is answered 503
        }

        await _chat.SayAsync(Nurse, "samenvatting");
        await StoredState.WaitUntilAsync(() => _app.Query<long>("SELECT COUNT(*) FROM outbox WHERE failed = 0 AND attempts >= 1") >= 1, "a pending summary");
        var pending = _app.Query<string>("SELECT COALESCE(group_concat(activity_json, char(10)), '') FROM outbox WHERE failed = 0");
        Assert.Contains(erased, s => pending.Contains(s, StringComparison.Ordinal));

        // The scan sees this text before the erasure: in the tables and in the files.
        var before = ScanTables();
        Assert.All(erased, s => Assert.Contains(s, before, StringComparison.Ordinal));
        var raw = ScanFiles();
        Assert.All(erased, s => Assert.Contains(raw, f => f.Text.Contains(s, StringComparison.Ordinal)));
        var answers = await ReadableAnswersAsync();
        Assert.Contains(erased, s => answers.Contains(s, StringComparison.Ordinal));
    }

    private async Task<JsonNode> AddCaseAsync(JsonNode editor, string code, string question, string wants, string? can, string? needs, string presenter)
    {
        var data = ActionData(editor, "agenda.addCase");
        (data["code"], data["question"], data["familyWants"], data["familyCan"], data["familyNeeds"]) = (code, question, wants, can, needs);
        (data["timeBox"], data["presenter"], data["parentsJoin"]) = ("20", presenter, "false");
        var response = await _chat.InvokeAsync(Chair, data);
        Assert.Contains(code, Text(response), StringComparison.Ordinal);
        return response!["value"]!;
    }

    private async Task<JsonNode> SaveRecordAsync(JsonNode caseCard, string goal, string decisions, string caseLead)
    {
        var save = ActionData(caseCard, "case.save");
        (save["goal"], save["decisions"], save["caseLead"]) = (goal, decisions, caseLead);
        var saved = (await _chat.InvokeAsync(Chair, save))!["value"]!;
        Assert.Contains(decisions, Text(saved), StringComparison.Ordinal);
        return saved;
    }

    private async Task<JsonNode> AddActionAsync(JsonNode caseCard, (string Id, string Name) owner, string text)
    {
        var add = ActionData(caseCard, "case.addAction");
        (add["actionOwner"], add["actionText"], add["actionDue"]) = (owner.Id, text, Due(7));
        Assert.Contains(text, Text(await _chat.InvokeAsync(Chair, add)), StringComparison.Ordinal);
        return await _chat.SentCardAsync("action.confirm", text, $"<at>{owner.Name}</at>");
    }

    private string Due(int days) => _app.Time.GetUtcNow().AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task CompactAsync() => await _app.Services.GetRequiredService<Compactor>().CompactNowAsync(CancellationToken.None);

    /// <summary>
    /// No erased string in any table or file, nor in any answer the inbox can still give; every kept string in
    /// the tables and in the files, and <paramref name="keptAnswer"/> (when given) in a readable answer.
    /// </summary>
    private async Task AssertScanAsync(IEnumerable<string> erased, IReadOnlyCollection<string> kept, string? keptAnswer)
    {
        var files = ScanFiles(); // first, before any connection of the test touches the files
        var tables = ScanTables();
        var leaks = erased.Where(s => tables.Contains(s, StringComparison.Ordinal)).Select(s => $"'{s}' in a table")
            .Concat(from s in erased from f in files where f.Text.Contains(s, StringComparison.Ordinal) select $"'{s}' in {f.Name} (read as {f.Encoding})")
            .ToList();
        Assert.True(leaks.Count == 0, "Erased text found:\n" + string.Join("\n", leaks) + "\n" + WhereInTables(erased));
        Assert.All(kept, s => Assert.Contains(s, tables, StringComparison.Ordinal));
        Assert.All(kept, s => Assert.Contains(files, f => f.Text.Contains(s, StringComparison.Ordinal)));

        // The inbox may keep answers sealed (encrypted with a key stored beside them, destroyed on erasure): what
        // MdoBot itself can still read back must hold no erased text either, for as long as the entry is kept.
        var answers = await ReadableAnswersAsync();
        var readable = erased.Where(s => answers.Contains(s, StringComparison.Ordinal)).ToList();
        Assert.True(readable.Count == 0, "Erased text readable in stored answers: " + string.Join(", ", readable));
        if (keptAnswer is not null)
        {
            Assert.Contains(keptAnswer, answers, StringComparison.Ordinal);
        }
    }

    /// <summary>Every answer the store gives back for the activities in its inbox (as a redelivery would get it).</summary>
    private async Task<string> ReadableAnswersAsync()
    {
        var ids = new List<(string Conversation, string Activity)>();
        using (var conn = new SqliteConnection($"Data Source={_app.DatabasePath};Mode=ReadOnly;Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT conversation_id, activity_id FROM inbox";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                ids.Add((r.GetString(0), r.GetString(1)));
            }
        }

        var store = _app.Services.GetRequiredService<IStore>();
        var sb = new StringBuilder();
        foreach (var (conversation, activity) in ids)
        {
            if (await store.GetInboxEntryAsync(conversation, activity) is { Answer: { } answer })
            {
                sb.Append(answer).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The raw bytes of the database file, its WAL and its shared-memory index, each read as Latin-1 and as UTF-8.
    /// The WAL is read before the main file: a checkpoint while reading moves pages from the WAL into the main
    /// file (and may delete the WAL), so text is seen in one or the other.
    /// </summary>
    private List<(string Name, string Encoding, string Text)> ScanFiles()
    {
        var scanned = new List<(string, string, string)>();
        foreach (var path in new[] { _app.DatabasePath + "-wal", _app.DatabasePath + "-shm", _app.DatabasePath })
        {
            if (!File.Exists(path))
            {
                continue;
            }

            byte[] bytes;
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            catch (FileNotFoundException) when (path != _app.DatabasePath)
            {
                continue; // the WAL or index went away with the last connection (after a checkpoint)
            }

            scanned.Add((Path.GetFileName(path), "Latin-1", Encoding.Latin1.GetString(bytes)));
            scanned.Add((Path.GetFileName(path), "UTF-8", Encoding.UTF8.GetString(bytes)));
        }

        Assert.NotEmpty(scanned);
        return scanned;
    }

    /// <summary>Every value of every row of every table in <c>sqlite_master</c> (<c>SELECT *</c>), as one text.</summary>
    private string ScanTables()
    {
        using var conn = new SqliteConnection($"Data Source={_app.DatabasePath};Mode=ReadOnly;Pooling=False");
        conn.Open();
        var sb = new StringBuilder();
        foreach (var table in Column(conn, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        {
            sb.Append("## ").Append(table).Append('\n');
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    sb.Append(r.IsDBNull(i) ? "NULL" : r.GetValue(i) switch
                    {
                        byte[] blob => Encoding.Latin1.GetString(blob) + "\u001f" + Encoding.UTF8.GetString(blob),
                        var v => Convert.ToString(v, CultureInfo.InvariantCulture),
                    }).Append('\u001f');
                }

                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>For a failure message: which table and column hold which erased string.</summary>
    private string WhereInTables(IEnumerable<string> erased)
    {
        using var conn = new SqliteConnection($"Data Source={_app.DatabasePath};Mode=ReadOnly;Pooling=False");
        conn.Open();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var table in Column(conn, "SELECT name FROM sqlite_master WHERE type = 'table'"))
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    var value = r.IsDBNull(i) ? string.Empty : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty;
                    foreach (var s in erased.Where(s => value.Contains(s, StringComparison.Ordinal)))
                    {
                        found.Add($"  {table}.{r.GetName(i)}: '{s}'");
                    }
                }
            }
        }

        return string.Join("\n", found);
    }

    private static List<string> Column(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var values = new List<string>();
        while (r.Read())
        {
            values.Add(r.GetString(0));
        }

        return values;
    }
}
