using System.Diagnostics;
using System.Reflection;

namespace MdoBot.Infra.Tests;

/// <summary>The real Bicep CLI, restored from NuGet by tools/BicepCli (offline: build, build-params, lint).</summary>
public static class Bicep
{
    public static string Path { get; } = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    public static async Task<Result> RunAsync(string workingDirectory, params string[] args)
    {
        Assert.True(File.Exists(Path), $"The Bicep CLI is missing at {Path}: build tools/BicepCli first.");
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Offline: no update check, no telemetry; parameter files get their values from their defaults.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment.Remove("RESOURCE_BASE_NAME");
        start.Environment.Remove("GRAPH_SENDER_MAILBOX");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
