using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace MdoBot.Bench;

/// <summary>
/// MdoBot as a real separate process (the Release build of src/MdoBot.Web), on 127.0.0.1 and a
/// free port, with its own SQLite file. Samples its resident memory and CPU time from /proc, and
/// reads the timer lines of its log. Stopped by PID (SIGTERM, then kill) — also on Ctrl+C.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;
    private readonly ConcurrentQueue<string> _tail = new();
    private readonly CancellationTokenSource _samplerStop = new();
    private readonly Task _sampler;
    private long _maxRssKb;
    private long _lastRssKb;
    private long _maxThreads;
    private int _stopped;

    private BotProcess(Process process, string dataDir, string baseUrl, string databasePath)
    {
        _process = process;
        _dataDir = dataDir;
        BaseUrl = baseUrl;
        DatabasePath = databasePath;
        _sampler = Task.Run(SampleAsync);
    }

    public int Pid => _process.Id;

    public string BaseUrl { get; }

    public string DatabasePath { get; }

    /// <summary>"Timer {Kind} fired {LatenessMs} ms after due" lines: kind, lateness, late flag.</summary>
    public ConcurrentQueue<(string Kind, double LatenessMs, bool Late)> TimerLog { get; } = new();

    public int WarningLines;

    public int ErrorLines;

    public bool HasExited => _process.HasExited;

    /// <summary>Builds src/MdoBot.Web in Release (the bench runs what production runs).</summary>
    public static async Task BuildAsync(string repoRoot, CancellationToken ct)
    {
        var project = Path.Combine(repoRoot, "src", "MdoBot.Web", "MdoBot.Web.csproj");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "build", "-c", "Release", project, "-nologo", "-v", "q" })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build -c Release src/MdoBot.Web failed:\n{await stdout}\n{await stderr}");
        }
    }

    public static async Task<BotProcess> StartAsync(
        string repoRoot, string? botDll, string? dbDir, IReadOnlyDictionary<string, string> extraEnv, CancellationToken ct)
    {
        var dll = botDll is null
            ? Path.Combine(repoRoot, "src", "MdoBot.Web", "bin", "Release", "net10.0", "MdoBot.Web.dll")
            : Path.GetFullPath(botDll);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build src/MdoBot.Web in Release first (or drop --no-build).", dll);
        }

        var dataDir = Path.Combine(dbDir ?? Path.GetTempPath(), $"mdobot-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDir);

        LastBuildUtc = Directory.EnumerateFiles(Path.GetDirectoryName(dll)!, "MdoBot.*.dll").Max(File.GetLastWriteTimeUtc);
        LastDll = dll;

        // Run a private copy of the build output, so that a concurrent rebuild cannot swap files under the bot.
        var appDir = Path.Combine(dataDir, "app");
        CopyDirectory(Path.GetDirectoryName(dll)!, appDir);
        dll = Path.Combine(appDir, Path.GetFileName(dll));
        var databasePath = Path.Combine(dataDir, "mdobot.db");
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        psi.Environment["Urls"] = baseUrl;
        psi.Environment["ASPNETCORE_URLS"] = baseUrl;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["Storage__Provider"] = "sqlite";
        psi.Environment["Storage__SqlitePath"] = databasePath;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__Console__FormatterName"] = "simple";
        psi.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (k, v) in extraEnv)
        {
            psi.Environment[k] = v;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start MdoBot");
        var bot = new BotProcess(process, dataDir, baseUrl, databasePath);
        process.OutputDataReceived += (_, e) => bot.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => bot.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Running[process.Id] = bot;
        await bot.WaitReadyAsync(ct);
        return bot;
    }

    /// <summary>The MdoBot build last started, and when its newest MdoBot.*.dll was written.</summary>
    public static string? LastDll { get; private set; }

    public static DateTime? LastBuildUtc { get; private set; }

    /// <summary>Every started bot, so that Ctrl+C / process exit can stop them by PID.</summary>
    public static ConcurrentDictionary<int, BotProcess> Running { get; } = new();

    private Task WaitReadyAsync(CancellationToken ct) =>
        Readiness.WaitAsync(_process, new Uri(BaseUrl + "/readyz"), "MdoBot", TimeSpan.FromSeconds(60), Tail, ct);

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("warn:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref WarningLines);
        }
        else if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref ErrorLines);
        }

        var m = TimerLine().Match(line);
        if (m.Success)
        {
            TimerLog.Enqueue((m.Groups[1].Value, double.Parse(m.Groups[2].Value.Replace(',', '.'), CultureInfo.InvariantCulture),
                string.Equals(m.Groups[3].Value, "True", StringComparison.OrdinalIgnoreCase)));
            return;
        }

        if (!line.StartsWith("info:", StringComparison.Ordinal))
        {
            _tail.Enqueue(line);
            while (_tail.Count > 40)
            {
                _tail.TryDequeue(out _);
            }
        }
    }

    public string Tail() => string.Join('\n', _tail);

    /// <summary>Current resident set size (VmRSS), kB.</summary>
    public long RssKb => _lastRssKb;

    /// <summary>Highest VmRSS seen by the 100 ms sampler, kB.</summary>
    public long SampledPeakRssKb => Interlocked.Read(ref _maxRssKb);

    /// <summary>Most OS threads seen (a growing thread pool means blocked threads).</summary>
    public long PeakThreads => Interlocked.Read(ref _maxThreads);

    /// <summary>The kernel's high-water mark of the resident set (VmHWM), kB.</summary>
    public long PeakRssKb => ReadStatusKb("VmHWM") ?? SampledPeakRssKb;

    /// <summary>User + system CPU time of the process so far (from /proc/pid/stat).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{Pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
            }
            catch (IOException)
            {
                return TimeSpan.Zero;
            }
        }
    }

    private long? ReadStatusKb(string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith(key + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(_samplerStop.Token))
            {
                if (ReadStatusKb("Threads") is { } threads && threads > Interlocked.Read(ref _maxThreads))
                {
                    Interlocked.Exchange(ref _maxThreads, threads);
                }

                if (ReadStatusKb("VmRSS") is { } rss)
                {
                    _lastRssKb = rss;
                    if (rss > Interlocked.Read(ref _maxRssKb))
                    {
                        Interlocked.Exchange(ref _maxRssKb, rss);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Stops this process only, by its PID: SIGTERM (graceful host shutdown), then SIGKILL after 10 s.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        Running.TryRemove(Pid, out _);
        try
        {
            if (!_process.HasExited)
            {
                _ = SysKill(_process.Id, 15);
                if (!_process.WaitForExit(10_000))
                {
                    _process.Kill();
                    _process.WaitForExit(5_000);
                }
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>Kills this process at once (SIGKILL, by PID): for a second Ctrl+C or when the bench exits abnormally.</summary>
    public void Kill()
    {
        Running.TryRemove(Pid, out _);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await _samplerStop.CancelAsync();
        await _sampler;
        _samplerStop.Dispose();
        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int signal);

    [GeneratedRegex(@"Timer (\S+) fired ([-0-9.,E+]+) ms after due \(late: (\w+)\)")]
    private static partial Regex TimerLine();
}
