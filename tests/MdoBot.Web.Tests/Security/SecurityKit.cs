using System.Net.Http.Headers;
using MdoBot.BotFramework.Connector;
using MdoBot.BotFramework.Outbound;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MdoBot.Web.Tests.Security;

/// <summary>Starting MdoBot for the security tests, waiting until it is idle, and reading what it stored.</summary>
public static class SecurityKit
{
    /// <summary>
    /// MdoBot with a log capture and (by default) a connector clock 1000× faster than real time, so that
    /// Teams' per-conversation rate limits (60 per 30 s) do not slow down tests that make MdoBot talk a lot.
    /// The per-attempt time-out is raised to match (1 h of connector time = 3.6 s real).
    /// </summary>
    public static Task<BotApp> StartAsync(
        CapturingLoggerProvider? logs = null, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        bool fastConnector = true)
    {
        var all = new Dictionary<string, string?>(settings ?? []);
        if (fastConnector)
        {
            all.TryAdd("Connector:Timeout", "01:00:00");
        }

        return BotApp.StartAsync(all, s =>
        {
            if (fastConnector)
            {
                s.AddSingleton(new OutboundClock(new ScaledTimeProvider(TimeProvider.System, 1000)));
            }

            if (logs is not null)
            {
                s.AddSingleton<ILoggerProvider>(logs);
            }

            services?.Invoke(s);
        });
    }

    /// <summary>Outbox items not yet delivered (and not given up).</summary>
    public static long PendingOutbox(this BotApp app) => Scalar(app, "SELECT COUNT(*) FROM outbox WHERE failed = 0");

    /// <summary>Waits (bounded, real time) until the outbox dispatcher has delivered everything that is pending.</summary>
    public static async Task DrainAsync(this BotApp app, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (app.PendingOutbox() is var pending and > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{pending} outbox item(s) still pending.");
            }

            await Task.Delay(15); // allowed: bounded poll for a condition
        }
    }

    /// <summary>Waits (bounded) until every stored timer that is due on the app's clock has fired and its messages went out.</summary>
    public static async Task SettleTimersAsync(this BotApp app, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Scalar(app, $"SELECT COUNT(*) FROM timers WHERE due_at <= {app.Time.GetUtcNow().ToUnixTimeMilliseconds()}") is var due and > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{due} due timer(s) did not fire.");
            }

            await Task.Delay(15); // allowed: bounded poll for a condition
        }

        await app.DrainAsync(timeout);
    }

    /// <summary>Every stored document (kind, id, version, JSON), in a stable order.</summary>
    public static string AllDocuments(this BotApp app)
    {
        using var conn = Open(app);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(group_concat(kind || '/' || id || '@' || version || ':' || json, char(10)), '') FROM (SELECT * FROM documents ORDER BY kind, id)";
        return (string)cmd.ExecuteScalar()!;
    }

    /// <summary>Row counts of every table (including the 1:1 chat map that <see cref="BotApp.TableCounts"/> leaves out).</summary>
    public static Dictionary<string, long> AllCounts(this BotApp app)
    {
        var counts = app.TableCounts();
        counts["personal_conversations"] = Scalar(app, "SELECT COUNT(*) FROM personal_conversations");
        counts["outbox_pending"] = app.PendingOutbox();
        return counts;
    }

    public static long TotalAudit(this BotApp app) => Scalar(app, "SELECT COUNT(*) FROM audit");

    /// <summary>Counts of the fake connector's calls by kind (send, update, create, …).</summary>
    public static Dictionary<string, int> CallCounts(this BotApp app) =>
        app.Connector.Calls.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());

    public static string Describe<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> d)
        where TKey : notnull =>
        string.Join(", ", d.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Posts raw bytes to /api/messages (optionally with an Authorization header).</summary>
    public static async Task<(int Status, string Body)> PostBytesAsync(this BotApp app, byte[] body, string? authorization = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await app.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static long Scalar(BotApp app, string sql)
    {
        using var conn = Open(app);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    private static SqliteConnection Open(BotApp app)
    {
        var conn = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        conn.Open();
        return conn;
    }
}

/// <summary>What MdoBot has stored and sent, to prove that something changed nothing.</summary>
public sealed record StateSnapshot(Dictionary<string, long> Counts, string Documents, long Audit, Dictionary<string, int> Calls)
{
    public static StateSnapshot Of(BotApp app) => new(app.AllCounts(), app.AllDocuments(), app.TotalAudit(), app.CallCounts());

    /// <summary>The differences to <paramref name="later"/> (empty when equal), ignoring the listed tables.</summary>
    public IReadOnlyList<string> Diff(StateSnapshot later, params string[] ignoreTables)
    {
        var diffs = new List<string>();
        foreach (var (table, count) in Counts)
        {
            if (!ignoreTables.Contains(table) && later.Counts.GetValueOrDefault(table) != count)
            {
                diffs.Add($"table {table}: {count} → {later.Counts.GetValueOrDefault(table)}");
            }
        }

        if (Documents != later.Documents)
        {
            diffs.Add("documents changed");
        }

        if (Audit != later.Audit)
        {
            diffs.Add($"audit: {Audit} → {later.Audit}");
        }

        foreach (var kind in Calls.Keys.Union(later.Calls.Keys))
        {
            if (Calls.GetValueOrDefault(kind) != later.Calls.GetValueOrDefault(kind))
            {
                diffs.Add($"connector {kind}: {Calls.GetValueOrDefault(kind)} → {later.Calls.GetValueOrDefault(kind)}");
            }
        }

        return diffs;
    }
}
