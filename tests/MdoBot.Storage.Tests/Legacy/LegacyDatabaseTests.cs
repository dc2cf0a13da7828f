using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MdoBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace MdoBot.Storage.Tests.Legacy;

/// <summary>
/// Migrating a database written by the previous release (<c>Legacy/mdobot-v1.db</c>, schema 1; how it was
/// made: <c>tests/MdoBot.Web.Tests/Legacy/README.md</c>). Schema 1 kept whole invoke answers in
/// <c>inbox.invoke_response</c>, so text that erasure removed from the documents was still in the file; the
/// migration keeps only the ids and outcomes, drops that text and compacts the file, and keeps everything else.
/// </summary>
public sealed class LegacyDatabaseTests : IDisposable
{
    private static readonly string FixtureDirectory = Path.Combine(AppContext.BaseDirectory, "Legacy");

    private static readonly string[] InboxColumns = ["conversation_id", "activity_id", "status", "scope", "answer", "received_at"];

    private readonly string _dir = Directory.CreateTempSubdirectory("mdobot-legacy-").FullName;
    private readonly JsonObject _manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(FixtureDirectory, "mdobot-v1.expected.json")))!.AsObject();

    private string DatabasePath => Path.Combine(_dir, "mdobot.db");

    private IEnumerable<string> ErasedStrings => _manifest["erasedStrings"]!.AsArray().Select(s => (string)s!);

    private IEnumerable<string> KeptStrings => _manifest["keptStrings"]!.AsArray().Select(s => (string)s!);

    /// <summary>A copy of the fixture (the fixture itself is never opened: SQLite writes beside a WAL database).</summary>
    private SqliteStore CopyOfFixture()
    {
        File.Copy(Path.Combine(FixtureDirectory, "mdobot-v1.db"), DatabasePath);
        Assert.Equal((string)_manifest["fileSha256"]!, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(DatabasePath))));
        return new SqliteStore(DatabasePath, TimeProvider.System);
    }

    [Fact]
    public async Task Migrate_V1Database_LatestSchemaEveryDocumentInboxKeyTimerAndOutboxRowKept()
    {
        var store = CopyOfFixture();

        await store.MigrateAsync();

        Assert.True(Migrations.All.Count >= 2, "the new schema is migration 2 or later");
        Assert.Equal(Migrations.All.Count, Scalar<long>("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(
            string.Join(",", Enumerable.Range(1, Migrations.All.Count)),
            Scalar<string>("SELECT group_concat(version, ',') FROM (SELECT version FROM schema_version ORDER BY version)"));

        var documents = _manifest["documents"]!.AsArray();
        Assert.NotEmpty(documents);
        Assert.Equal(documents.Count, Scalar<long>("SELECT COUNT(*) FROM documents"));
        foreach (var expected in documents)
        {
            var (kind, id) = ((string)expected!["kind"]!, (string)expected["id"]!);
            var stored = await store.GetDocumentAsync(kind, id);
            Assert.True(stored is not null, $"document {kind}/{id} is missing");
            Assert.Equal((long)expected["version"]!, stored!.Version);
            Assert.Equal((string)expected["conversationId"]!, stored.ConversationId);
            Assert.True((string)expected["jsonSha256"]! == Sha256(stored.Json), $"document {kind}/{id}: its json changed");
        }

        var keys = _manifest["inboxKeys"]!.AsArray().Select(k => (string)k!).ToList();
        Assert.NotEmpty(keys);
        Assert.Equal(keys.Count, Scalar<long>("SELECT COUNT(*) FROM inbox"));
        foreach (var key in keys)
        {
            var (conversationId, activityId) = SplitV1Key(key);
            var entry = await store.GetInboxEntryAsync(conversationId, activityId);
            Assert.True(entry is not null, $"inbox entry {key} was not carried over");

            // v1 kept the answer in clear: it is not carried over (a redelivery is a duplicate, answered without it).
            Assert.Null(entry!.Answer);
        }

        var (someConversation, _) = SplitV1Key(keys[0]);
        Assert.Null(await store.GetInboxEntryAsync(someConversation, "never-seen-activity"));
        Assert.Null(await store.GetInboxEntryAsync("19:unknown@thread.v2", SplitV1Key(keys[0]).ActivityId));

        Assert.Equal((long)_manifest["timers"]!, Scalar<long>("SELECT COUNT(*) FROM timers"));
        Assert.Equal((long)_manifest["outbox"]!, Scalar<long>("SELECT COUNT(*) FROM outbox"));
        Assert.Equal((long)_manifest["outboxPending"]!, (await store.GetPendingAsync(100)).Count);
        Assert.Equal((long)_manifest["postedCards"]!, Scalar<long>("SELECT COUNT(*) FROM posted_cards"));
        Assert.Equal((long)_manifest["audit"]!, Scalar<long>("SELECT COUNT(*) FROM audit"));
        Assert.Equal((long)_manifest["conversations"]!, Scalar<long>("SELECT COUNT(*) FROM conversations"));
        Assert.Equal(
            string.Join(",", _manifest["timerKeys"]!.AsArray().Select(k => (string)k!)),
            Scalar<string>("SELECT group_concat(timer_key, ',') FROM (SELECT timer_key FROM timers ORDER BY timer_key)"));
    }

    [Fact]
    public async Task Migrate_V1Database_TimersOutboxPostedCardsAuditConversationsRowsUnchanged()
    {
        var store = CopyOfFixture();

        await store.MigrateAsync();

        // The same rows, hashed over the v1 columns as the generator hashed them (new columns may be added).
        var hashes = _manifest["rowSha256"]!.AsObject();
        var queries = new Dictionary<string, string>
        {
            ["timers"] = "SELECT timer_key, kind, due_at, conversation_id, payload FROM timers ORDER BY timer_key",
            ["outbox"] = "SELECT id, conversation_id, service_url, operation, activity_json, card_key, target_user_id, tenant_id, attempts, failed FROM outbox ORDER BY id",
            ["posted_cards"] = "SELECT conversation_id, card_key, activity_id FROM posted_cards ORDER BY conversation_id, card_key",
            ["audit"] = "SELECT id, at, user_id, action, conversation_id, mdo_id, case_id FROM audit ORDER BY id",
            ["conversations"] = "SELECT conversation_id, service_url, tenant_id, bot_id, channel_id, kind, meeting_id, locale, installed_at, active FROM conversations ORDER BY conversation_id",
            ["personal_conversations"] = "SELECT user_id, conversation_id FROM personal_conversations ORDER BY user_id",
        };
        foreach (var (table, sql) in queries)
        {
            Assert.True((string)hashes[table]! == RowsHash(sql), $"the rows of {table} changed");
        }

        var conversation = await store.GetConversationAsync((string)_manifest["chatB"]!["conversationId"]!);
        Assert.NotNull(conversation);
        Assert.Equal((string)_manifest["chatB"]!["meetingId"]!, conversation!.MeetingId);
    }

    [Fact]
    public async Task Migrate_V1Database_ErasedTextGoneFromEveryFileKeptTextStays()
    {
        // The fixture shows the defect: text erased from the documents is still in the file (in the old inbox).
        var before = RawLeaks(Path.Combine(FixtureDirectory, "mdobot-v1.db"), ErasedStrings);
        Assert.Equal(ErasedStrings.Count(), before.Select(l => l.Text).Distinct().Count());

        var store = CopyOfFixture();
        await store.MigrateAsync();

        // While the store still holds its (pooled) connections: the main file, the WAL and the shared-memory index.
        Assert.Empty(RawLeaks(DatabasePath, ErasedStrings).Select(l => l.ToString()));
        Assert.Empty(RawLeaks(DatabasePath, ["invoke_response"]).Select(l => l.ToString()));

        // The scan does find text that is there: the kept strings of chat B, in the documents and in the files.
        var foundKept = RawLeaks(DatabasePath, KeptStrings).Select(l => l.Text).Distinct().ToList();
        Assert.Equal(KeptStrings.Order(StringComparer.Ordinal), foundKept.Order(StringComparer.Ordinal));
        var documents = Scalar<string>("SELECT group_concat(json, char(10)) FROM documents");
        Assert.All(KeptStrings, s => Assert.Contains(s, documents, StringComparison.Ordinal));
        Assert.All(ErasedStrings, s => Assert.DoesNotContain(s, documents, StringComparison.Ordinal));
        Assert.All(ErasedStrings, s => Assert.DoesNotContain(s, AllRowsText(), StringComparison.Ordinal));

        // The new inbox: ids and outcomes only.
        Assert.Equal(InboxColumns.Order(StringComparer.Ordinal), Strings("SELECT name FROM pragma_table_info('inbox')").Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "conversation_id", "activity_id" }, Strings("SELECT name FROM pragma_table_info('inbox') WHERE pk > 0 ORDER BY pk"));
        Assert.Equal(0L, Scalar<long>(
            "SELECT COUNT(*) FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'invoke_response'"));

        // And after the connections are closed (the last one checkpoints the WAL).
        SqliteConnection.ClearAllPools();
        Assert.Empty(RawLeaks(DatabasePath, ErasedStrings).Select(l => l.ToString()));
    }

    [Fact]
    public async Task Migrate_V1DatabaseTwice_SecondMigrationChangesNothing()
    {
        var store = CopyOfFixture();
        await store.MigrateAsync();
        SqliteConnection.ClearAllPools();
        var once = Dump();

        await store.MigrateAsync();
        SqliteConnection.ClearAllPools();
        Assert.Equal(once, Dump());

        // A restart: another store instance over the same file.
        await new SqliteStore(DatabasePath, TimeProvider.System).MigrateAsync();
        SqliteConnection.ClearAllPools();
        Assert.Equal(once, Dump());
        Assert.Equal(Migrations.All.Count, Scalar<long>("SELECT COUNT(*) FROM schema_version"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Schema 1's inbox key: <c>{conversationId}|{activityType}|{activityId}</c>.</summary>
    private static (string ConversationId, string ActivityId) SplitV1Key(string key)
    {
        var parts = key.Split('|');
        Assert.Equal(3, parts.Length);
        return (parts[0], parts[2]);
    }

    private sealed record Leak(string Text, string File, string Encoding)
    {
        public override string ToString() => $"'{Text}' in {File} (read as {Encoding})";
    }

    /// <summary>Which of the strings occur in the raw bytes of the database, its WAL and its shared-memory file, read as Latin-1 and as UTF-8.</summary>
    private static List<Leak> RawLeaks(string databasePath, IEnumerable<string> strings)
    {
        var leaks = new List<Leak>();
        foreach (var path in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" }.Where(File.Exists))
        {
            byte[] bytes;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }

            foreach (var (name, text) in new[] { ("Latin-1", Encoding.Latin1.GetString(bytes)), ("UTF-8", Encoding.UTF8.GetString(bytes)) })
            {
                leaks.AddRange(strings.Where(s => text.Contains(s, StringComparison.Ordinal)).Select(s => new Leak(s, Path.GetFileName(path), name)));
            }
        }

        return leaks;
    }

    private SqliteConnection Open()
    {
        var conn = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        conn.Open();
        return conn;
    }

    private T Scalar<T>(string sql)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return (T)cmd.ExecuteScalar()!;
    }

    private List<string> Strings(string sql)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }

    private List<string> Rows(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
        {
            rows.Add(string.Join('\u001f', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "\u2400" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>As the generator: values joined by U+001F, rows by U+001E, NULL as U+2400, SHA-256 of the UTF-8.</summary>
    private string RowsHash(string sql)
    {
        using var conn = Open();
        return Sha256(string.Join('\u001e', Rows(conn, sql)));
    }

    /// <summary>Every row of every table (<c>SELECT *</c>), as text.</summary>
    private string AllRowsText()
    {
        using var conn = Open();
        var tables = Rows(conn, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        return string.Join('\n', tables.SelectMany(t => Rows(conn, $"SELECT * FROM \"{t}\"")));
    }

    /// <summary>The schema and every table's rows (sorted), to compare two states of the file.</summary>
    private string Dump()
    {
        using var conn = Open();
        var sb = new StringBuilder();
        foreach (var schema in Rows(conn, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"))
        {
            sb.Append(schema).Append('\n');
        }

        foreach (var table in Rows(conn, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        {
            sb.Append("## ").Append(table).Append('\n');
            foreach (var row in Rows(conn, $"SELECT * FROM \"{table}\"").Order(StringComparer.Ordinal))
            {
                sb.Append(row).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
