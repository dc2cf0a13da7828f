namespace MdoBot.BotFramework.Connector;

/// <summary>Configuration section <c>Connector</c>: retries and time-outs for Bot Connector calls.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Connector";

    /// <summary>Retries after the first attempt for transient failures (0 = never retry).</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First back-off delay; later ones grow exponentially (with jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on the computed back-off delay (a server's <c>Retry-After</c> is not capped).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time-out of one HTTP attempt; zero or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> = none.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest <c>Retry-After</c> the client is willing to wait for. When the service asks for more,
    /// the call fails at once instead of holding the conversation's queue.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    internal bool HasAttemptTimeout => Timeout > TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>Returns a description of what is wrong, or null when the options are usable.</summary>
    internal string? Validate()
    {
        if (MaxRetries is < 0 or > 50)
        {
            return "Connector:MaxRetries must be between 0 and 50.";
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromHours(1) || MaxDelay < BaseDelay)
        {
            return "Connector:BaseDelay must be between 0 and 1 hour and not above Connector:MaxDelay.";
        }

        if (HasAttemptTimeout && (Timeout < TimeSpan.FromMilliseconds(10) || Timeout > TimeSpan.FromDays(1)))
        {
            return "Connector:Timeout must be between 10 ms and 1 day (or 0 for none).";
        }

        return MaxRetryAfter < TimeSpan.Zero ? "Connector:MaxRetryAfter must not be negative." : null;
    }
}
