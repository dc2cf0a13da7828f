namespace MdoBot.BotFramework.Hosting;

/// <summary>
/// Configuration section <c>Outbox</c>: the delivery lease. The holder renews every <see cref="LeaseHeartbeat"/>;
/// a lease not renewed for <see cref="LeaseExpiry"/> (database clock) is taken over by another instance within
/// one more heartbeat (non-holders try every heartbeat). Defaults 2 s / 10 s: up to four heartbeats may be lost
/// or slow (a GC pause, a database fail-over, a command time-out) before the holder loses the lease, and a
/// hung holder stops delivery for at most about 12 s — well inside a time-box warning's tolerance.
/// </summary>
public sealed class OutboxLeaseOptions
{
    public const string Section = "Outbox";

    public static readonly TimeSpan MinHeartbeat = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxHeartbeat = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxExpiry = TimeSpan.FromMinutes(5);

    public TimeSpan LeaseHeartbeat { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan LeaseExpiry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Returns what is wrong, or null: heartbeat 100 ms–30 s, expiry at least 3 heartbeats (and ≥ 1 s), at most 5 min.</summary>
    public string? Validate()
    {
        if (LeaseHeartbeat < MinHeartbeat || LeaseHeartbeat > MaxHeartbeat)
        {
            return "Outbox:LeaseHeartbeat must be between 100 ms and 30 s.";
        }

        return LeaseExpiry < LeaseHeartbeat * 3 || LeaseExpiry < TimeSpan.FromSeconds(1) || LeaseExpiry > MaxExpiry
            ? "Outbox:LeaseExpiry must be at least three heartbeats and 1 s, and at most 5 minutes."
            : null;
    }
}
