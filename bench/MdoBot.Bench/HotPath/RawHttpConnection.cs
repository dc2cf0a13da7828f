using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;

namespace MdoBot.Bench.HotPath;

/// <summary>
/// One HTTP/1.1 keep-alive connection of the hot-path load generator: the request bytes are
/// written as they are, the response is read with Content-Length or chunked framing. Much cheaper
/// than HttpClient, so that the generator takes as little of the 2 shared CPUs as it can.
/// Not thread-safe: one request at a time (a closed loop).
/// </summary>
public sealed class RawHttpConnection : IDisposable
{
    private readonly Socket _socket;
    private byte[] _buffer = new byte[16 * 1024];
    private byte[] _body = new byte[16 * 1024];
    private int _start;
    private int _end;

    private RawHttpConnection(Socket socket) => _socket = socket;

    public static async Task<RawHttpConnection> ConnectAsync(IPEndPoint endpoint, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint, ct);
        return new RawHttpConnection(socket);
    }

    /// <summary>Sends one request and reads its response. The body stays valid until the next call.</summary>
    public async ValueTask<(int Status, ReadOnlyMemory<byte> Body)> SendAsync(ReadOnlyMemory<byte> request, CancellationToken ct)
    {
        await _socket.SendAsync(request, SocketFlags.None, ct);
        int headerEnd;
        while ((headerEnd = IndexOf(_buffer.AsSpan(_start, _end - _start), "\r\n\r\n"u8)) < 0)
        {
            await FillAsync(ct);
        }

        var (status, length, chunked) = ParseHead(_buffer.AsSpan(_start, headerEnd));
        _start += headerEnd + 4;
        var bodyLength = chunked ? await ReadChunkedAsync(ct) : await ReadExactAsync(Math.Max(0, length), ct);
        return (status, _body.AsMemory(0, bodyLength));
    }

    private async ValueTask<int> ReadExactAsync(int length, CancellationToken ct)
    {
        EnsureBody(length);
        var copied = 0;
        while (copied < length)
        {
            if (_start == _end)
            {
                await FillAsync(ct);
            }

            var take = Math.Min(length - copied, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(_body.AsSpan(copied));
            _start += take;
            copied += take;
        }

        return length;
    }

    private async ValueTask<int> ReadChunkedAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            int lineEnd;
            while ((lineEnd = IndexOf(_buffer.AsSpan(_start, _end - _start), "\r\n"u8)) < 0)
            {
                await FillAsync(ct);
            }

            var size = ChunkSize(_buffer.AsSpan(_start, lineEnd));
            _start += lineEnd + 2;
            if (size == 0)
            {
                while (_end - _start < 2)
                {
                    await FillAsync(ct); // no trailers are expected: just the final CRLF
                }

                _start += 2;
                return total;
            }

            EnsureBody(total + size);
            var copied = 0;
            while (copied < size)
            {
                if (_start == _end)
                {
                    await FillAsync(ct);
                }

                var take = Math.Min(size - copied, _end - _start);
                _buffer.AsSpan(_start, take).CopyTo(_body.AsSpan(total + copied));
                _start += take;
                copied += take;
            }

            total += size;
            while (_end - _start < 2)
            {
                await FillAsync(ct);
            }

            _start += 2; // CRLF after the chunk data
        }
    }

    private async ValueTask FillAsync(CancellationToken ct)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, ct);
        if (read == 0)
        {
            throw new IOException("connection closed by the server");
        }

        _end += read;
    }

    private void EnsureBody(int length)
    {
        if (_body.Length < length)
        {
            Array.Resize(ref _body, Math.Max(length, _body.Length * 2));
        }
    }

    /// <summary>Status code, Content-Length (-1 when absent) and chunked framing of a response head.</summary>
    private static (int Status, int Length, bool Chunked) ParseHead(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 200 OK"
        var space = head.IndexOf((byte)' ');
        var status = space > 0 && head.Length >= space + 4 && Utf8Parser.TryParse(head.Slice(space + 1, 3), out int s, out _) ? s : 0;
        var length = Utf8Parser.TryParse(HeaderValue(head, "content-length"u8), out int n, out _) ? n : -1;
        var chunked = HeaderValue(head, "transfer-encoding"u8).IndexOf("chunked"u8) >= 0;
        return (status, length, chunked);
    }

    private static int ChunkSize(ReadOnlySpan<byte> line)
    {
        var semicolon = line.IndexOf((byte)';');
        return Utf8Parser.TryParse(semicolon < 0 ? line : line[..semicolon], out int size, out _, 'x') ? size : throw new IOException("bad chunk size");
    }

    private static ReadOnlySpan<byte> HeaderValue(ReadOnlySpan<byte> head, ReadOnlySpan<byte> lowerName)
    {
        foreach (var range in head.Split("\r\n"u8))
        {
            var line = head[range];
            var colon = line.IndexOf((byte)':');
            if (colon == lowerName.Length && System.Text.Ascii.EqualsIgnoreCase(line[..colon], lowerName))
            {
                return line[(colon + 1)..].Trim((byte)' ');
            }
        }

        return default;
    }

    private static int IndexOf(ReadOnlySpan<byte> span, ReadOnlySpan<byte> value) => span.IndexOf(value);

    public void Dispose() => _socket.Dispose();
}
