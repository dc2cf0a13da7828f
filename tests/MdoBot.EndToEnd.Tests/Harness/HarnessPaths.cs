using System.Net;
using System.Net.Sockets;
using MdoBot.Testing;

namespace MdoBot.EndToEnd.Tests.Harness;

/// <summary>
/// Finds what the end-to-end harness needs and fails with a message that says how to fix it
/// (never a skip: a missing prerequisite is a failing test).
/// </summary>
internal static class HarnessPaths
{
    public static string PlaygroundDir => Path.Combine(SharedPaths.RepoRoot, "playground");

    public static string PlaygroundConfig => Require(Path.Combine(PlaygroundDir, ".m365agentsplayground.yml"), "the Playground config");

    public static string LoopbackPreload => Require(Path.Combine(PlaygroundDir, "loopback.cjs"), "the loopback preload");

    public static string PlaygroundCli
    {
        get
        {
            var cli = Path.Combine(PlaygroundDir, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
            return File.Exists(cli)
                ? cli
                : throw new InvalidOperationException(
                    $"The Microsoft 365 Agents Playground is not installed ({cli} is missing). "
                    + "Run `npm ci` in playground/ (./test.sh and ./run.sh do this), then run the tests again.");
        }
    }

    /// <summary>The built MdoBot.Web.dll: the copy beside this test assembly (the ProjectReference builds it).</summary>
    public static string WebDll
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("MDOBOT_WEB_DLL");
            var dll = string.IsNullOrEmpty(fromEnv) ? Path.Combine(AppContext.BaseDirectory, "MdoBot.Web.dll") : fromEnv;
            var runtimeConfig = Path.ChangeExtension(dll, ".runtimeconfig.json");
            return File.Exists(dll) && File.Exists(runtimeConfig)
                ? dll
                : throw new InvalidOperationException(
                    $"MdoBot.Web.dll (with its runtimeconfig.json) was not found at {dll}. "
                    + "Build the test project (`dotnet build tests/MdoBot.EndToEnd.Tests`), which builds src/MdoBot.Web, or set MDOBOT_WEB_DLL.");
        }
    }

    /// <summary><c>node</c> from <c>$NODE</c> or the PATH.</summary>
    public static string Node
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("NODE");
            if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv))
            {
                return fromEnv;
            }

            var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node"))
                .FirstOrDefault(File.Exists);
            return found ?? throw new InvalidOperationException(
                "node was not found on the PATH (or in $NODE). Install Node.js 20+ to run the Playground end-to-end tests.");
        }
    }

    /// <summary><c>dotnet</c> that runs this test process, else the one on the PATH.</summary>
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>A TCP port that is free on 127.0.0.1 right now.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Require(string path, string what) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{what} is missing: {path}");
}
