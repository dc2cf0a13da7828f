using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace MdoBot.EndToEnd.Tests.Harness;

/// <summary>
/// Reads the Playground's <c>/_ws_conversation/v1/conversations/stream</c> websocket into a
/// thread-safe list and lets tests await a frame matching a predicate.
/// The Playground buffers frames while no client is connected and replays them to the next one.
/// </summary>
public sealed class ConversationStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PlaygroundMessage> _frames = [];
    private readonly List<(Func<PlaygroundMessage, bool> Match, int Since, TaskCompletionSource<PlaygroundMessage> Found)> _waiters = [];
    private Task _reader = Task.CompletedTask;
    private Exception? _readError;

    /// <summary>Every frame received so far, in arrival order.</summary>
    public IReadOnlyList<PlaygroundMessage> Frames
    {
        get
        {
            lock (_frames)
            {
                return _frames.ToList();
            }
        }
    }

    /// <summary>The number of frames so far: pass it as <c>since</c> to wait only for later frames.</summary>
    public int Count
    {
        get
        {
            lock (_frames)
            {
                return _frames.Count;
            }
        }
    }

    public async Task ConnectAsync(Uri uri, CancellationToken ct)
    {
        await _socket.ConnectAsync(uri, ct).ConfigureAwait(false);
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>
    /// Waits (real time) for the first frame with sequence ≥ <paramref name="since"/> that matches.
    /// Frames already received count too.
    /// </summary>
    public async Task<PlaygroundMessage> WaitAsync(Func<PlaygroundMessage, bool> match, int since, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        TaskCompletionSource<PlaygroundMessage> found = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_frames)
        {
            var existing = _frames.Skip(since).FirstOrDefault(f => Matches(match, f));
            if (existing is not null)
            {
                return existing;
            }

            _waiters.Add((match, since, found));
        }

        try
        {
            return await found.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        finally
        {
            lock (_frames)
            {
                _waiters.RemoveAll(w => w.Found == found);
            }
        }
    }

    public string Describe()
    {
        var frames = Frames;
        var text = new StringBuilder($"--- {frames.Count} websocket frame(s) received ---\n");
        foreach (var frame in frames)
        {
            text.Append(frame).Append('\n');
        }

        return _readError is null ? text.ToString() : text.Append("websocket read error: ").Append(_readError.Message).ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", close.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the Playground may already be gone
        }

        _socket.Abort();
        await _reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var json = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                if (JsonNode.Parse(json) is JsonObject frame)
                {
                    Add(frame);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or System.Text.Json.JsonException)
        {
            if (!_stop.IsCancellationRequested)
            {
                _readError = ex;
            }
        }
    }

    /// <summary>A predicate that throws (e.g. on an unexpected frame shape) counts as no match.</summary>
    private static bool Matches(Func<PlaygroundMessage, bool> match, PlaygroundMessage message)
    {
        try
        {
            return match(message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    private void Add(JsonObject frame)
    {
        List<(TaskCompletionSource<PlaygroundMessage>, PlaygroundMessage)> matched = [];
        lock (_frames)
        {
            var message = new PlaygroundMessage(_frames.Count, (string?)frame["action"] ?? string.Empty, frame);
            _frames.Add(message);
            foreach (var waiter in _waiters.Where(w => message.Sequence >= w.Since && Matches(w.Match, message)).ToList())
            {
                matched.Add((waiter.Found, message));
                _waiters.Remove(waiter);
            }
        }

        foreach (var (found, message) in matched)
        {
            found.TrySetResult(message);
        }
    }
}
