using System.Net.Http.Headers;

namespace MdoBot.BotFramework.Outbound;

/// <summary>Reads a service's <c>Retry-After</c> answer (connector and Graph).</summary>
public static class RetryAfterHeader
{
    /// <summary>How long the header (delta-seconds or HTTP date) asks us to wait; null when absent, never negative.</summary>
    public static TimeSpan? Wait(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        var wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
