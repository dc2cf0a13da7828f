namespace MdoBot.EndToEnd.Tests.Cluster;

/// <summary>
/// What the chats received compared with what their acknowledged activities had to post: lost posts, posts out
/// of order and repeated posts (a post sent again right after itself: the at-least-once window of a holder that
/// lost the lease with the post in flight).
/// </summary>
internal sealed class DeliveryReport
{
    public int Expected { get; private set; }

    public int Received { get; private set; }

    public Dictionary<string, int> Repeats { get; } = [];

    /// <summary>Expected posts answered "Teams is not reachable right now" instead.</summary>
    public int Unavailable { get; private set; }

    public List<string> Violations { get; } = [];

    public int TotalRepeats => Repeats.Values.Sum();

    /// <summary>For each expected post: when its activity was acknowledged and how long until the connector had the post.</summary>
    public List<(DateTimeOffset AckedAt, TimeSpan Latency)> Latencies { get; } = [];

    /// <summary>The longest acknowledgement-to-post time of activities acknowledged from <paramref name="from"/> on.</summary>
    public TimeSpan MaxLatencySince(DateTimeOffset from) =>
        Latencies.Where(l => l.AckedAt >= from).Select(l => l.Latency).DefaultIfEmpty(TimeSpan.Zero).Max();

    public TimeSpan MaxLatency => Latencies.Select(l => l.Latency).DefaultIfEmpty(TimeSpan.Zero).Max();

    public void Add(string conversation, IReadOnlyList<(string Kind, DateTimeOffset AckedAt)> expected, IReadOnlyList<(string Kind, DateTimeOffset At)> posts)
    {
        Expected += expected.Count;
        Received += posts.Count;
        var matched = 0;
        var repeats = 0;
        string? previous = null;
        foreach (var (post, at) in posts)
        {
            if (matched < expected.Count && (post == expected[matched].Kind || post == PostKinds.Unavailable))
            {
                // "Not reachable, nothing changed" is also an acknowledged activity's answer (a lookup over its budget).
                Unavailable += post == PostKinds.Unavailable ? 1 : 0;
                Latencies.Add((expected[matched].AckedAt, at - expected[matched].AckedAt));
                matched++;
            }
            else if (post == previous)
            {
                repeats++;
            }
            else
            {
                Violations.Add($"{conversation}: '{post}' out of order after {matched} of {expected.Count} expected posts");
                return;
            }

            previous = post;
        }

        if (matched < expected.Count)
        {
            Violations.Add($"{conversation}: {expected.Count - matched} of {expected.Count} expected posts lost");
        }

        Repeats[conversation] = repeats;
    }

    public override string ToString() =>
        $"{Expected} expected, {Received} received ({Unavailable} 'not reachable'), {TotalRepeats} repeated (max {(Repeats.Count == 0 ? 0 : Repeats.Values.Max())} per chat), "
        + $"{Violations.Count} violations, acknowledgement-to-post max {MaxLatency.TotalSeconds:0.00} s";
}
