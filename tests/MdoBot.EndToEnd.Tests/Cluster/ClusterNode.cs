using System.Globalization;
using System.Diagnostics;
using MdoBot.EndToEnd.Tests.Harness;

namespace MdoBot.EndToEnd.Tests.Cluster;

/// <summary>
/// One real MdoBot process (<c>dotnet MdoBot.Web.dll</c>) of a cluster on a shared PostgreSQL database, on a
/// free 127.0.0.1 port, in development mode, with short lease settings. Its database sessions carry the
/// application name <see cref="ApplicationName"/>, so a test can find (and terminate) them. Signals go to the
/// PID this class started, never by name.
/// </summary>
internal sealed class ClusterNode(int number, string connectionString, ClusterSettings settings, string clockPath) : IAsyncDisposable
{
    private ChildProcess? _child;

    public int Number => number;

    public string Name => $"node{number}";

    public string ApplicationName => $"mdobot-{Name}";

    public int Pid => _child?.Pid ?? 0;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1:1/");

    public bool IsAlive => _child is { HasExited: false };

    public bool IsFrozen { get; private set; }

    public string Output => _child?.Output ?? string.Empty;

    public async Task StartAsync()
    {
        var port = HarnessPaths.FreeLoopbackPort();
        var dll = HarnessPaths.WebDll;
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ApplicationName }.ConnectionString;
        var environment = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Storage__Provider"] = "postgres",
            ["Storage__PostgresConnectionString"] = cs,
            ["Bot__AppId"] = string.Empty,
            ["Connector__BaseDelay"] = "00:00:00.050",
            ["Connector__MaxDelay"] = "00:00:01",
            ["Outbox__LeaseHeartbeat"] = settings.ConfiguredHeartbeat.ToString("c", CultureInfo.InvariantCulture),
            ["Outbox__LeaseExpiry"] = settings.Expiry.ToString("c", CultureInfo.InvariantCulture),
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_TieredPGO"] = "0",
            ["DOTNET_NOLOGO"] = "1",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        if (settings.TimeScale > 1)
        {
            // The fast clock's origin is kept beside the SQLite path (unused here): one file for the whole
            // cluster, written by the first node, so that every node tells the same time.
            environment["Development__TimeScale"] = settings.TimeScale.ToString(CultureInfo.InvariantCulture);
            environment["Storage__SqlitePath"] = clockPath;
        }

        _child = ChildProcess.Start($"MdoBot {Name}", HarnessPaths.Dotnet, [dll], Path.GetDirectoryName(dll)!, environment);
        await _child.WaitForLineAsync(l => l.Contains("Now listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(120));
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>SIGSTOP: the process hangs (as a paused VM or a partition would), its sockets stay open.</summary>
    public void Freeze()
    {
        Signal("STOP");
        IsFrozen = true;
    }

    /// <summary>SIGCONT: the frozen process runs on, unaware that time passed.</summary>
    public void Thaw()
    {
        Signal("CONT");
        IsFrozen = false;
    }

    /// <summary>SIGKILL: gone at once, no shutdown (its lease is not released; it must expire).</summary>
    public async Task KillAsync()
    {
        Signal("KILL");
        if (_child is { } child)
        {
            await child.Exited.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Output lines containing <paramref name="text"/>, each with the <paramref name="after"/> lines that follow it (the log entry's message, an exception's type and first frames).</summary>
    public IReadOnlyList<string> Lines(string text, int after = 1)
    {
        var all = Output.Split('\n');
        return all.Select((l, i) => (l, i)).Where(x => x.l.Contains(text, StringComparison.Ordinal))
            .Select(x => string.Join(" | ", all.Skip(x.i).Take(after + 1).Select(l => l.Trim()))).ToList();
    }

    public string Tail(int lines = 40) => _child?.Tail(lines) ?? $"{Name}: not started";

    /// <summary>Runs <c>kill -SIGNAL pid</c> for the PID this class started.</summary>
    private void Signal(string signal)
    {
        if (_child is not { HasExited: false } child)
        {
            return;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, child.Pid.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not run kill.");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {child.Pid} failed with exit code {kill.ExitCode}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_child is { } child)
        {
            if (IsFrozen)
            {
                Thaw();
            }

            await child.DisposeAsync();
        }
    }
}

/// <summary>
/// Lease settings of a test cluster (short, so that takeovers happen within seconds), in real time. With a
/// <see cref="TimeScale"/> (<c>Development:TimeScale</c>, so that a 5-minute time box passes in seconds) every
/// node's own waits run that much faster, so the configured heartbeat is <see cref="Heartbeat"/> × scale; the
/// expiry is judged by the database's clock, which is not scaled, and is configured as it is.
/// </summary>
internal sealed record ClusterSettings(TimeSpan Heartbeat, TimeSpan Expiry, int TimeScale = 1)
{
    public static ClusterSettings Short { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2));

    /// <summary>Clock 20× faster: a 5-minute time box lasts 15 s, its warning (at half the box) comes after 7.5 s.</summary>
    public static ClusterSettings Timed { get; } = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(6), TimeScale: 20);

    public TimeSpan ConfiguredHeartbeat => Heartbeat * TimeScale;
}
