namespace MdoBot.BotFramework.Hosting;

/// <summary>
/// Configuration section <c>Outbox</c> (with <see cref="OutboxLeaseOptions"/>): how delivery treats failures.
/// A message that keeps failing temporarily (429, 5xx, time-out, no connection, no token) is retried, with a stored
/// per-conversation back-off, until it is <see cref="MaxAge"/> old; only then is it parked as a dead letter.
/// </summary>
public sealed class OutboxDeliveryOptions
{
    public const string Section = OutboxLeaseOptions.Section;

    /// <summary>How long a message is retried after temporary failures, from when it was stored (default 24 h).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Conversations delivered to at the same time (each in its own order); one slow chat holds only its own. A chat
    /// waiting for a Teams rate-limit window does not count.
    /// </summary>
    public int MaxConcurrentConversations { get; set; } = 16;

    /// <summary>Back-off after a conversation's first temporary failure without Retry-After; doubles per failure (with jitter).</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the computed back-off (a service's Retry-After is kept as asked, up to <see cref="MaxAge"/>).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Returns what is wrong, or null.</summary>
    public string? Validate()
    {
        if (MaxAge < TimeSpan.FromMinutes(1) || MaxAge > TimeSpan.FromDays(30))
        {
            return "Outbox:MaxAge must be between 1 minute and 30 days.";
        }

        if (MaxConcurrentConversations is < 1 or > 256)
        {
            return "Outbox:MaxConcurrentConversations must be between 1 and 256.";
        }

        return BaseBackoff < TimeSpan.FromMilliseconds(10) || MaxBackoff < BaseBackoff || MaxBackoff > TimeSpan.FromHours(1)
            ? "Outbox:BaseBackoff must be at least 10 ms, and Outbox:MaxBackoff between it and 1 hour."
            : null;
    }
}
