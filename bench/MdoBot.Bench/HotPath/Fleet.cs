using System.Diagnostics;

namespace MdoBot.Bench.HotPath;

/// <summary>The processes the hot-path phase started (MdoBots, the JS peer, the floor); all stopped by PID at the end.</summary>
public sealed class Fleet : IAsyncDisposable
{
    private readonly List<ChildProcess> _children = [];
    private string? _floorBody;

    public List<BotProcess> Bots { get; } = [];

    public IReadOnlyList<int> Pids => [.. Bots.Select(b => b.Pid), .. _children.Select(c => c.Pid)];

    /// <param name="dll">Another build's MdoBot.Web.dll (a --variant); null: the bench's own build or --bot-dll.</param>
    public async Task<BotProcess> StartBotAsync(string repoRoot, BenchOptions o, string syncMode, CancellationToken ct, string? dll = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        var env = new Dictionary<string, string>(o.BotEnv, StringComparer.Ordinal) { ["Storage__SqliteSynchronous"] = syncMode };
        var bot = await BotProcess.StartAsync(repoRoot, dll ?? o.BotDll, o.DbDir, env, ct);
        Bots.Add(bot);
        Console.WriteLine($"  MdoBot pid {bot.Pid} on {bot.BaseUrl}, synchronous={syncMode}, database {bot.DatabasePath}");
        return bot;
    }

    /// <summary>bench/peer-js on node; <c>npm ci</c> first when its node_modules is missing.</summary>
    public async Task<ChildProcess> StartPeerAsync(string repoRoot, CancellationToken ct)
    {
        var dir = Path.Combine(repoRoot, "bench", "peer-js");
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "botbuilder")))
        {
            Console.WriteLine("  npm ci in bench/peer-js…");
            var psi = new ProcessStartInfo("npm") { WorkingDirectory = dir, UseShellExecute = false };
            foreach (var a in new[] { "ci", "--no-audit", "--no-fund" })
            {
                psi.ArgumentList.Add(a);
            }

            using var npm = Process.Start(psi) ?? throw new InvalidOperationException("could not start npm");
            await npm.WaitForExitAsync(ct);
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {dir} failed ({npm.ExitCode}); or run with --no-peer");
            }
        }

        var peer = await ChildProcess.StartAsync("node", ["peer.js"], dir, ct);
        _children.Add(peer);
        Console.WriteLine($"  JS SDK peer (botbuilder on node) pid {peer.Pid} on {peer.BaseUrl}");
        return peer;
    }

    /// <summary>The bench's own executable in floor mode, answering <paramref name="body"/> to every POST.</summary>
    public async Task<ChildProcess> StartFloorAsync(string body, CancellationToken ct)
    {
        _floorBody = Path.Combine(Path.GetTempPath(), $"mdobot-bench-floor-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(_floorBody, body, ct);
        var dll = typeof(Fleet).Assembly.Location;
        var floor = await ChildProcess.StartAsync("dotnet", [dll, FloorServer.Flag, _floorBody], AppContext.BaseDirectory, ct);
        _children.Add(floor);
        Console.WriteLine($"  Kestrel floor pid {floor.Pid} on {floor.BaseUrl}");
        return floor;
    }

    /// <summary>Resident memory of every started process: the kernel's peak (VmHWM) and now (VmRSS).</summary>
    public IEnumerable<MemoryInfo> Memory(IReadOnlyList<HotTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        foreach (var pid in Pids)
        {
            var names = string.Join(" + ", targets.Where(t => t.Pid == pid).Select(t => t.Name));
            yield return new MemoryInfo(names, pid, Mb(ProcFs.StatusKb(pid, "VmHWM")), Mb(ProcFs.StatusKb(pid, "VmRSS")),
                Bots.FirstOrDefault(b => b.Pid == pid)?.PeakThreads);
        }
    }

    private static double? Mb(long? kb) => kb is { } k ? Math.Round(k / 1024.0, 1) : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var child in _children)
        {
            await child.DisposeAsync();
        }

        foreach (var bot in Bots)
        {
            await bot.DisposeAsync();
        }

        if (_floorBody is not null)
        {
            File.Delete(_floorBody);
        }
    }
}

/// <summary>Memory of one started process (MB); threads peak for MdoBot.</summary>
public sealed record MemoryInfo(string Targets, int Pid, double? PeakRssMb, double? RssMb, long? PeakThreads);
