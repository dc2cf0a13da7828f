using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MdoBot.Storage.Tests;

/// <summary>
/// A TCP relay on 127.0.0.1 between a store and the PostgreSQL server that, once armed, lets one COMMIT through
/// to the server and then cuts the connection instead of passing the server's answer back: the transaction is
/// committed, the client never hears so (the acknowledgement was lost, as when a network drops or a node dies
/// at that moment). Npgsql sends COMMIT as a simple query message, recognised by its bytes.
/// </summary>
internal sealed class CommitAckDroppingProxy : IAsyncDisposable
{
    private static readonly byte[] CommitMessage = [(byte)'Q', 0, 0, 0, 11, .. "COMMIT"u8, 0];

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _serverHost;
    private readonly int _serverPort;
    private readonly List<Task> _relays = [];
    private int _armed;
    private int _cut;

    private CommitAckDroppingProxy(string serverHost, int serverPort)
    {
        _serverHost = serverHost;
        _serverPort = serverPort;
        _listener.Start();
        _relays.Add(AcceptAsync());
    }

    /// <summary>Commits whose answer was swallowed.</summary>
    public int Cut => Volatile.Read(ref _cut);

    /// <summary>Starts a relay to the server of <paramref name="connectionString"/>; returns it with the string that goes through it.</summary>
    public static (CommitAckDroppingProxy Proxy, string ConnectionString) Start(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var proxy = new CommitAckDroppingProxy(builder.Host!, builder.Port);
        builder.Host = "127.0.0.1";
        builder.Port = ((IPEndPoint)proxy._listener.LocalEndpoint).Port;
        builder.SslMode = SslMode.Disable; // the relay reads the plain protocol
        return (proxy, builder.ConnectionString);
    }

    /// <summary>The next COMMIT on any connection is let through and its answer dropped.</summary>
    public void ArmOnce() => Volatile.Write(ref _armed, 1);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var server = new TcpClient();
            await server.ConnectAsync(_serverHost, _serverPort, _stop.Token);
            lock (_relays)
            {
                _relays.Add(RelayAsync(client, server));
            }
        }
    }

    private async Task RelayAsync(TcpClient client, TcpClient server)
    {
        using (client)
        using (server)
        {
            var dropAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var up = PumpAsync(client.GetStream(), server.GetStream(), seen => seen.AsSpan().IndexOf(CommitMessage) >= 0 && Interlocked.Exchange(ref _armed, 0) == 1
                ? dropAnswer.TrySetResult() : false, null);
            var down = PumpAsync(server.GetStream(), client.GetStream(), null, dropAnswer.Task);
            await Task.WhenAny(up, down);
            client.Close();
            server.Close();
            await Task.WhenAll(up, down);
        }
    }

    /// <summary>Copies until either side closes; <paramref name="inspect"/> sees each chunk (with the previous chunk's tail) before it is sent.</summary>
    private async Task PumpAsync(NetworkStream from, NetworkStream to, Func<byte[], bool>? inspect, Task? dropNext)
    {
        var buffer = new byte[16 * 1024];
        var tail = Array.Empty<byte>();
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                if (dropNext is { IsCompleted: true })
                {
                    Interlocked.Increment(ref _cut);
                    return; // the answer to the armed COMMIT: cut instead of passing it on
                }

                if (inspect is not null)
                {
                    var seen = tail.Concat(buffer.Take(read)).ToArray();
                    inspect(seen);
                    tail = seen[Math.Max(0, seen.Length - CommitMessage.Length)..];
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // one side went away: the relay ends
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] relays;
        lock (_relays)
        {
            relays = [.. _relays];
        }

        await Task.WhenAll(relays);
        _stop.Dispose();
    }
}
