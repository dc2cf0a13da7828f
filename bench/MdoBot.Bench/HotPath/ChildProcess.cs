using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MdoBot.Bench.HotPath;

/// <summary>
/// A comparison server of the hot-path phase (the JS peer, the Kestrel floor) as a separate process
/// on 127.0.0.1, so that its CPU and memory are its own. Ready when GET /_stats answers. Killed by
/// its PID only (it keeps nothing worth a graceful stop), also on Ctrl+C through <see cref="Running"/>.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();

    private ChildProcess(Process process, int port)
    {
        _process = process;
        Endpoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    /// <summary>Every started child, so that a signal or the bench's exit can stop them by PID.</summary>
    public static ConcurrentDictionary<int, ChildProcess> Running { get; } = new();

    public int Pid => _process.Id;

    public IPEndPoint Endpoint { get; }

    public string BaseUrl => $"http://127.0.0.1:{Endpoint.Port}";

    public static async Task<ChildProcess> StartAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, CancellationToken ct)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        psi.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {fileName}");
        var child = new ChildProcess(process, port);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Running[process.Id] = child;
        await child.WaitReadyAsync(ct);
        return child;
    }

    public string Tail() => string.Join('\n', _tail);

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Enqueue(line);
        while (_tail.Count > 20)
        {
            _tail.TryDequeue(out _);
        }
    }

    private Task WaitReadyAsync(CancellationToken ct) =>
        Readiness.WaitAsync(_process, new Uri(BaseUrl + "/_stats"), _process.StartInfo.FileName, TimeSpan.FromSeconds(30), Tail, ct);

    /// <summary>Kills this process (by its PID) and waits up to 5 s for it to go.</summary>
    public void Stop()
    {
        Running.TryRemove(Pid, out _);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: false);
                _process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    internal static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
