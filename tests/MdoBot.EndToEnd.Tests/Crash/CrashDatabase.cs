using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace MdoBot.EndToEnd.Tests.Crash;

/// <summary>Reads MdoBot's SQLite file directly (read-only while MdoBot runs; read-write while it is dead, so a hot WAL can be read).</summary>
internal sealed class CrashDatabase(string path)
{
    public string Path => path;

    public Dictionary<string, long> AuditCounts()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        Query("SELECT action, COUNT(*) FROM audit GROUP BY action", r => counts[r.GetString(0)] = r.GetInt64(1));
        return counts;
    }

    public long AuditCount(string action, string? caseId = null)
    {
        long n = 0;
        Query("SELECT COUNT(*) FROM audit WHERE action = $a AND ($c IS NULL OR case_id = $c)", r => n = r.GetInt64(0), ("$a", action), ("$c", caseId));
        return n;
    }

    /// <summary>The stored MDO documents (JSON), oldest first.</summary>
    public List<JsonObject> Mdos()
    {
        var list = new List<JsonObject>();
        Query("SELECT json FROM documents WHERE kind = 'mdo' ORDER BY updated_at", r => list.Add(JsonNode.Parse(r.GetString(0))!.AsObject()));
        return list;
    }

    public List<OutboxRow> Outbox()
    {
        var list = new List<OutboxRow>();
        Query("SELECT id, operation, card_key, activity_json, attempts, failed FROM outbox ORDER BY id",
            r => list.Add(new OutboxRow(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetInt64(5) != 0)));
        return list;
    }

    /// <summary>card_key → activity id of the posted card (this conversation and 1:1 chats).</summary>
    public Dictionary<string, string> PostedCards()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        Query("SELECT card_key, activity_id FROM posted_cards", r => map[r.GetString(0)] = r.GetString(1));
        return map;
    }

    public List<TimerRow> Timers()
    {
        var list = new List<TimerRow>();
        Query("SELECT timer_key, kind, due_at FROM timers ORDER BY due_at",
            r => list.Add(new TimerRow(r.GetString(0), r.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)))));
        return list;
    }

    public bool Exists => File.Exists(path);

    private void Query(string sql, Action<SqliteDataReader> row, params (string Name, object? Value)[] args)
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }
}

internal sealed record OutboxRow(long Id, string Operation, string? CardKey, string ActivityJson, long Attempts, bool Failed)
{
    /// <summary>The Adaptive Card (or, for a text message, the text) this row will post.</summary>
    public JsonNode? Content
    {
        get
        {
            var a = JsonNode.Parse(ActivityJson);
            return a?["attachments"]?[0]?["content"]?.DeepClone() ?? (a?["text"] is { } t ? JsonValue.Create((string?)t) : null);
        }
    }
}

internal sealed record TimerRow(string Key, string Kind, DateTimeOffset DueAt);
