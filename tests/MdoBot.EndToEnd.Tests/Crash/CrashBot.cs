using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MdoBot.EndToEnd.Tests.Harness;

namespace MdoBot.EndToEnd.Tests.Crash;

/// <summary>
/// The real MdoBot process (<c>dotnet MdoBot.Web.dll</c>) on a temp SQLite file and a free 127.0.0.1 port,
/// its clock <see cref="TimeScale"/>× faster. <see cref="KillAsync"/> sends SIGKILL to the PID this class
/// started (<see cref="Process.Kill()"/>); <see cref="StartAsync"/> starts a fresh process on the same database.
/// Every incarnation's output is kept for diagnostics and for its log lines.
/// </summary>
internal sealed class CrashBot(string databasePath, string serviceUrlForLogs) : IAsyncDisposable
{
    public const int TimeScale = 60;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly StringBuilder _history = new();
    private readonly List<TimeSpan> _startDurations = [];
    private ChildProcess? _child;
    private Process? _handle;
    private HttpClient? _http;
    private volatile bool _killedByUs;

    public string DatabasePath => databasePath;

    public int Starts { get; private set; }

    public int Kills { get; private set; }

    public IReadOnlyList<TimeSpan> StartDurations => _startDurations;

    /// <summary>When the current incarnation was spawned (real time).</summary>
    public DateTimeOffset SpawnedAt { get; private set; }

    /// <summary>
    /// False from the moment a kill is sent: a delivery that failed because of that kill must wait for it
    /// (and the restart), not retry against the dead port before the process's exit has been observed.
    /// </summary>
    public bool IsAlive => !_killedByUs && _child is { HasExited: false };

    /// <summary>Everything every incarnation wrote, in order.</summary>
    public string AllOutput
    {
        get
        {
            lock (_history)
            {
                return _history + (_child?.Output ?? string.Empty);
            }
        }
    }

    public async Task StartAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (IsAlive)
            {
                return;
            }

            ThrowIfCrashedOnItsOwn();
            var port = HarnessPaths.FreeLoopbackPort();
            var dll = HarnessPaths.WebDll;
            var environment = new Dictionary<string, string?>
            {
                ["Urls"] = $"http://127.0.0.1:{port}",
                ["Storage__Provider"] = "sqlite",
                ["Storage__SqlitePath"] = databasePath,
                ["Development__TimeScale"] = TimeScale.ToString(CultureInfo.InvariantCulture),
                ["Bot__AppId"] = string.Empty,
                ["Connector__BaseDelay"] = "00:00:00.050",
                ["Connector__MaxDelay"] = "00:00:01",
                ["DOTNET_gcServer"] = "0", // workstation GC: a faster start on a small machine
                ["DOTNET_TieredPGO"] = "0",
                ["DOTNET_NOLOGO"] = "1",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            };
            Starts++;
            var watch = Stopwatch.StartNew();
            SpawnedAt = DateTimeOffset.UtcNow;
            var child = ChildProcess.Start($"MdoBot#{Starts}", HarnessPaths.Dotnet, [dll], Path.GetDirectoryName(dll)!, environment);
            _child = child;
            _handle = TryGetProcess(child.Pid); // null if it died at once: WaitForLineAsync then reports its output
            _killedByUs = false;
            await child.WaitForLineAsync(l => l.Contains("Now listening on", StringComparison.Ordinal), StartTimeout);
            _startDurations.Add(watch.Elapsed);
            _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(10) })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
                Timeout = TimeSpan.FromSeconds(60),
            };
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>SIGKILL (no shutdown, no flush) to the process this class started; waits until it is gone.</summary>
    /// <param name="whileDead">Runs after the process is gone and before anything can start it again.</param>
    public async Task KillAsync(Action? whileDead = null)
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_child is null)
            {
                return;
            }

            if (_handle is null)
            {
                await RetireAsync();
                return;
            }

            ThrowIfCrashedOnItsOwn();
            _killedByUs = true;
            _handle.Kill(); // on Linux: kill(pid, SIGKILL)
            await _child.Exited.WaitAsync(TimeSpan.FromSeconds(30));
            Kills++;
            await RetireAsync();
            whileDead?.Invoke();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Posts an activity to /api/messages; a connection refused/reset or a time-out is "not acknowledged".</summary>
    public async Task<BotAnswer> PostAsync(JsonObject activity)
    {
        if (_http is not { } http)
        {
            return new BotAnswer(0, null, "MdoBot is not running (connection refused)");
        }

        try
        {
            using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("api/messages", UriKind.Relative), content);
            var body = await response.Content.ReadAsStringAsync();
            return new BotAnswer((int)response.StatusCode, body, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or ObjectDisposedException)
        {
            return new BotAnswer(0, null, ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>The log lines of every incarnation that contain <paramref name="text"/> (the line after a category header included).</summary>
    public IReadOnlyList<string> LogLines(string text) =>
        AllOutput.Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal)).Select(l => l.Trim()).ToList();

    public string Tail(int lines = 60)
    {
        var all = AllOutput.Split('\n');
        return $"--- last output of MdoBot (connector {serviceUrlForLogs}) ---\n" + string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    private static Process? TryGetProcess(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private void ThrowIfCrashedOnItsOwn()
    {
        if (_child is { HasExited: true } && !_killedByUs)
        {
            throw new InvalidOperationException($"MdoBot (pid {_child.Pid}) exited on its own with code {_child.Exited.Result}.\n{_child.Tail()}");
        }
    }

    private async Task RetireAsync()
    {
        _http?.Dispose();
        _http = null;
        _handle?.Dispose();
        _handle = null;
        if (_child is { } child)
        {
            lock (_history)
            {
                _history.Append(child.Output).Append($"--- {child.Name} (pid {child.Pid}) killed ---\n");
                _child = null;
            }

            await child.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_child is not null)
        {
            await KillAsync();
        }

        _lifecycle.Dispose();
    }
}

/// <summary>MdoBot's answer to one delivery: status 0 when the connection failed.</summary>
internal sealed record BotAnswer(int Status, string? Body, string? Error)
{
    public bool Acknowledged => Error is null && Status is >= 200 and < 300;

    public JsonNode? Json => string.IsNullOrWhiteSpace(Body) ? null : JsonNode.Parse(Body);

    public override string ToString() => Error ?? $"HTTP {Status}";
}
