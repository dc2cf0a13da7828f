using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MdoBot.Bench.HotPath;

/// <summary>
/// One server the hot-path phase measures: where it listens, the process whose CPU is its own, the
/// request of each conversation, and a read-only count of the work it stored (for MdoBot the sum
/// of the MDO document versions, for the peer its stored version counters, for the floor its answers).
/// </summary>
public sealed class HotTarget(string name, string kind, IPEndPoint endpoint, int pid, RequestTemplate[] templates, Func<CancellationToken, Task<long>> countWork)
{
    public string Name { get; } = name;

    /// <summary>mdobot, peer or floor.</summary>
    public string Kind { get; } = kind;

    public IPEndPoint Endpoint { get; } = endpoint;

    public int Pid { get; } = pid;

    /// <summary>One request per conversation (index = conversation).</summary>
    public RequestTemplate[] Templates { get; } = templates;

    /// <summary>For an MdoBot target: its process (outbox, memory).</summary>
    public BotProcess? Bot { get; init; }

    public Task<long> CountWorkAsync(CancellationToken ct) => countWork(ct);
}

/// <summary>
/// The bytes of one conversation's case.save press, with two holes: the activity id (unique per
/// request, so MdoBot's inbox never drops one as a duplicate) and the goal (different on every
/// request, so every request really changes the MDO, while the document keeps its size).
/// </summary>
public sealed class RequestTemplate
{
    public const string IdMarker = "@@HP-ID@@";
    public const string GoalMarker = "@@HP-GOAL@@";
    private readonly byte[] _head;
    private readonly byte[] _beforeId;
    private readonly byte[] _beforeGoal;
    private readonly byte[] _tail;

    /// <param name="activity">The invoke activity, with <see cref="IdMarker"/> as its id and <see cref="GoalMarker"/> as the goal.</param>
    public RequestTemplate(IPEndPoint endpoint, JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(activity);
        var json = activity.ToJsonString();
        var id = json.IndexOf(IdMarker, StringComparison.Ordinal);
        var goal = json.IndexOf(GoalMarker, StringComparison.Ordinal);
        if (id < 0 || goal < id)
        {
            throw new InvalidOperationException("the activity needs the id marker before the goal marker");
        }

        _head = Encoding.ASCII.GetBytes($"POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1:{endpoint.Port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ");
        _beforeId = Encoding.UTF8.GetBytes(json[..id]);
        _beforeGoal = Encoding.UTF8.GetBytes(json[(id + IdMarker.Length)..goal]);
        _tail = Encoding.UTF8.GetBytes(json[(goal + GoalMarker.Length)..]);
    }

    public int MaxLength => _head.Length + 16 + _beforeId.Length + _beforeGoal.Length + _tail.Length + 128;

    /// <summary>Writes the whole HTTP request for request number <paramref name="seq"/>; returns its length.</summary>
    public int Write(Span<byte> destination, string runId, long seq)
    {
        Span<byte> id = stackalloc byte[64];
        var idLength = Encoding.ASCII.GetBytes(runId, id);
        id[idLength++] = (byte)'-';
        Utf8Formatter.TryFormat(seq, id[idLength..], out var n);
        idLength += n;
        // The goal names the request in six letters, not digits: a run of 8–9 digits can look like a
        // BSN (citizen service number), which MdoBot rightly refuses to store.
        Span<byte> goal = stackalloc byte[48];
        var goalLength = Encoding.ASCII.GetBytes("Veilig opgroeien, ronde ", goal);
        for (var (i, rest) = (0, seq); i < 6; i++, rest /= 26)
        {
            goal[goalLength + 5 - i] = (byte)('a' + (rest % 26));
        }

        goalLength += 6;

        var bodyLength = _beforeId.Length + idLength + _beforeGoal.Length + goalLength + _tail.Length;
        var at = Put(destination, 0, _head);
        Utf8Formatter.TryFormat(bodyLength, destination[at..], out n);
        at = Put(destination, at + n, "\r\n\r\n"u8);
        at = Put(destination, at, _beforeId);
        at = Put(destination, at, id[..idLength]);
        at = Put(destination, at, _beforeGoal);
        at = Put(destination, at, goal[..goalLength]);
        return Put(destination, at, _tail);
    }

    private static int Put(Span<byte> destination, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination[at..]);
        return at + bytes.Length;
    }
}

/// <summary>Checks an answer is an Adaptive Card invoke response: top-level type and a card object as value.</summary>
public static class InvokeBody
{
    public static bool IsAdaptiveCard(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            bool type = false, value = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                var isValue = reader.ValueTextEquals("value"u8);
                reader.Read();
                type |= isType && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("application/vnd.microsoft.card.adaptive"u8);
                value |= isValue && reader.TokenType == JsonTokenType.StartObject;
                reader.Skip();
            }

            return type && value;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
