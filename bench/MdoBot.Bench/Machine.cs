using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MdoBot.Bench;

/// <summary>What the numbers were measured on.</summary>
public sealed record Machine(int Cpus, string CpuModel, double MemoryGb, string Os, string Kernel, string Runtime, string Sdk, string DbFileSystem)
{
    public static async Task<Machine> DescribeAsync(string dbDir)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        var memKb = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").Where(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
                .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault()
            : 0;
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?[12..].Trim('"') ?? RuntimeInformation.OSDescription
            : RuntimeInformation.OSDescription;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? "Linux " + File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSDescription;
        return new Machine(Environment.ProcessorCount, cpu, Math.Round(memKb / 1048576.0, 1), os, kernel,
            RuntimeInformation.FrameworkDescription, await SdkAsync(), FileSystemOf(dbDir));
    }

    private static async Task<string> SdkAsync()
    {
        try
        {
            var psi = new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false };
            using var p = Process.Start(psi)!;
            var v = (await p.StandardOutput.ReadToEndAsync()).Trim();
            await p.WaitForExitAsync();
            return v;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    /// <summary>File system type of the mount holding <paramref name="dir"/> (longest mount-point prefix in /proc/mounts).</summary>
    private static string FileSystemOf(string dir)
    {
        if (!File.Exists("/proc/mounts"))
        {
            return "?";
        }

        var full = Path.GetFullPath(dir);
        var best = File.ReadLines("/proc/mounts").Select(l => l.Split(' '))
            .Where(f => f.Length > 2 && (full == f[1] || full.StartsWith(f[1].TrimEnd('/') + "/", StringComparison.Ordinal)))
            .MaxBy(f => f[1].Length);
        return best is null ? "?" : $"{best[2]} ({best[0]} on {best[1]})";
    }
}

/// <summary>Whole-machine CPU use from /proc/stat, to tell whether other processes competed during a run.</summary>
public readonly record struct CpuSnapshot(long BusyTicks, long TotalTicks, DateTimeOffset At)
{
    public static CpuSnapshot Take()
    {
        try
        {
            var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var total = f.Take(8).Sum();
            var idle = f[3] + f[4]; // idle + iowait
            return new CpuSnapshot(total - idle, total, DateTimeOffset.UtcNow);
        }
        catch (IOException)
        {
            return new CpuSnapshot(0, 0, DateTimeOffset.UtcNow);
        }
    }

    /// <summary>Cores kept busy (all processes) between <paramref name="earlier"/> and this snapshot.</summary>
    public double BusyCoresSince(CpuSnapshot earlier)
    {
        var seconds = (At - earlier.At).TotalSeconds;
        return seconds <= 0 ? 0 : Math.Round((BusyTicks - earlier.BusyTicks) / 100.0 / seconds, 2);
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}

/// <summary>Which code was measured: the repository's commit, uncommitted changes under src/, and the bot build used.</summary>
public sealed record SourceInfo(string Commit, int UncommittedSrcFiles, string? BotDll, DateTime? BotBuiltUtc)
{
    public static async Task<(string Commit, int Dirty)> GitAsync(string repoRoot)
    {
        var head = (await RunAsync(repoRoot, "rev-parse", "--short", "HEAD")).Trim();
        var dirty = (await RunAsync(repoRoot, "status", "--porcelain", "--", "src")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return (head.Length > 0 ? head : "?", dirty);
    }

    private static async Task<string> RunAsync(string repoRoot, params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add("-C");
            psi.ArgumentList.Add(repoRoot);
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi)!;
            var output = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            return p.ExitCode == 0 ? output : string.Empty;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return string.Empty;
        }
    }
}

/// <summary>Per-process readings from /proc, for any PID (the hot-path phase accounts for each process it started).</summary>
public static class ProcFs
{
    /// <summary>User + system CPU time of a process so far (zero when it is gone).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>A kB value of /proc/PID/status (VmRSS, VmHWM, Threads…), or null.</summary>
    public static long? StatusKb(int pid, string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(key + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }
}
