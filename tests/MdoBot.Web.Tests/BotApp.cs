using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MdoBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace MdoBot.Web.Tests;

/// <summary>
/// MdoBot on a real Kestrel port (so the caller is a real loopback address), with its own SQLite
/// file, a fake Bot Connector, and a manual clock. Dispose stops it; <see cref="RestartAsync"/>
/// starts a fresh host on the same database file.
/// </summary>
public sealed class BotApp : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mdobot-web-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private WebApplicationFactory<Program> _factory;

    private readonly Action<IServiceCollection>? _services;

    private BotApp(FakeBotConnector connector, FakeTimeProvider time, Dictionary<string, string?> settings, Action<IServiceCollection>? services, string? fromDatabase)
    {
        _services = services;
        Connector = connector;
        Time = time;
        _settings = settings;
        _settings["Storage:SqlitePath"] = DatabasePath;
        if (fromDatabase is not null)
        {
            CopyDatabase(fromDatabase);
        }

        _factory = Create();
        Client = _factory.CreateClient();
    }

    public FakeBotConnector Connector { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; private set; }

    public string DatabasePath => Path.Combine(_dir, "mdobot.db");

    public IServiceProvider Services => _factory.Services;

    /// <param name="fromDatabase">
    /// Start on a copy of this SQLite file (e.g. one written by an earlier release; MdoBot migrates it at start-up)
    /// instead of a new database. The copy's stored service URLs are pointed at this app's fake connector.
    /// </param>
    public static async Task<BotApp> StartAsync(
        Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? fromDatabase = null)
    {
        var connector = await FakeBotConnector.StartAsync();
        return new BotApp(connector, TestTime.Create(), settings ?? [], services, fromDatabase);
    }

    /// <summary>
    /// Copies a database file in and repoints its stored connector addresses (conversations, outbox) at the
    /// fake connector, whose port changes per run (Teams' own service URL does not).
    /// </summary>
    private void CopyDatabase(string source)
    {
        File.Copy(source, DatabasePath);
        using var conn = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "UPDATE conversations SET service_url = $url; UPDATE outbox SET service_url = $url;";
        cmd.Parameters.AddWithValue("$url", Connector.ServiceUrl);
        cmd.ExecuteNonQuery();
    }

    private WebApplicationFactory<Program> Create()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in _settings)
            {
                b.UseSetting(key, value);
            }

            b.UseSetting("Connector:BaseDelay", "00:00:00.010");
            b.UseSetting("Urls", "http://127.0.0.1:0");
            b.ConfigureServices(s =>
            {
                s.RemoveAll<TimeProvider>();
                s.AddSingleton<TimeProvider>(Time);
                _services?.Invoke(s);
            });
        });
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    /// <summary>Stops the host (like a process restart) and starts a new one on the same database.</summary>
    /// <param name="whileStopped">Runs between the stop and the start (e.g. to change the database as a crash would have left it).</param>
    public async Task RestartAsync(Action? whileStopped = null)
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        whileStopped?.Invoke();
        _factory = Create();
        Client = _factory.CreateClient();
    }

    /// <summary>Loads a captured Playground activity, pointed at the fake connector.</summary>
    public JsonObject Fixture(string name)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json")))!.AsObject();
        node["serviceUrl"] = Connector.ServiceUrl;
        if (node.ContainsKey("timestamp"))
        {
            node["timestamp"] = Time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture); // Teams stamps the send time
        }

        return node;
    }

    public Task<HttpResponseMessage> PostAsync(JsonNode activity) =>
        Client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostRawAsync(string body) =>
        Client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Row counts of every table, to prove that bad input changed nothing.</summary>
    public Dictionary<string, long> TableCounts()
    {
        using var conn = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        conn.Open();
        var counts = new Dictionary<string, long>();
        foreach (var table in new[] { "inbox", "conversations", "outbox", "posted_cards", "timers", "documents", "audit" })
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM {table}";
            counts[table] = (long)cmd.ExecuteScalar()!;
        }

        return counts;
    }

    /// <summary>Row counts of the stored state (everything but the outbox, which drains in the background).</summary>
    public Dictionary<string, long> StateCounts()
    {
        var counts = TableCounts();
        counts.Remove("outbox");
        return counts;
    }

    /// <summary>One value read from the database file (read-only, unpooled); parameters are named <c>$p0</c>, <c>$p1</c>, ….</summary>
    public T Query<T>(string sql, params object[] parameters)
    {
        using var conn = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            cmd.Parameters.AddWithValue("$p" + i, parameters[i]);
        }

        return (T)cmd.ExecuteScalar()!;
    }

    /// <summary>How many action reminder timers (kind <c>action.*</c>) with a key LIKE the pattern are pending.</summary>
    public long ActionTimerCount(string keyPattern) =>
        Query<long>("SELECT COUNT(*) FROM timers WHERE timer_key LIKE $p0 AND kind LIKE 'action.%'", keyPattern);

    /// <summary>How many audit entries of this kind were stored.</summary>
    public long AuditCount(string action) => Query<long>("SELECT COUNT(*) FROM audit WHERE action = $p0", action);

    /// <summary>The stored JSON of every MDO (for asserting what was or wasn't stored).</summary>
    public string MdoJson() => DocumentJson("mdo");

    /// <summary>The stored JSON of every document of a kind.</summary>
    public string DocumentJson(string kind) =>
        Query<string>("SELECT COALESCE(group_concat(json, char(10)), '') FROM documents WHERE kind = $p0", kind);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Connector.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}

public static class HttpResponseExtensions
{
    public static async Task<JsonNode?> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonNode>();
}
