using System.Text.Json;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Storage;

namespace MdoBot.BotFramework.Hosting;

/// <summary>
/// What a failed delivery attempt means. Permanent: 400, 403 (bot removed or blocked), 404 (conversation or activity
/// gone), other 4xx except 401/408/409/412/429, and a stored message that cannot be read. Everything else is
/// temporary: 401 (a token problem), 408, 409, 412, 429, 5xx, no answer (time-out, connection refused) and failures
/// before the request (e.g. the token endpoint is down).
/// </summary>
/// <param name="Status">The HTTP status; 0 when there was none.</param>
/// <param name="Reason">For a permanent failure, one of <see cref="DeadLetterReasons"/>.</param>
/// <param name="RetryAfter">The service's Retry-After, when it gave one.</param>
public readonly record struct DeliveryFailure(bool Permanent, int Status, string Reason, TimeSpan? RetryAfter)
{
    public static DeliveryFailure Of(Exception exception) => exception switch
    {
        ConnectorException c => OfStatus(c.StatusCode, c.RetryAfter),
        JsonException or ArgumentException or UriFormatException or NotSupportedException or FormatException =>
            new(true, 0, DeadLetterReasons.Malformed, null),
        _ => new(false, 0, DeadLetterReasons.Expired, null),
    };

    private static DeliveryFailure OfStatus(int status, TimeSpan? retryAfter) => status switch
    {
        400 => new(true, status, DeadLetterReasons.BadRequest, null),
        403 => new(true, status, DeadLetterReasons.Forbidden, null),
        404 or 410 => new(true, status, DeadLetterReasons.NotFound, null),
        401 or 408 or 409 or 412 or 429 => new(false, status, DeadLetterReasons.Expired, retryAfter),
        >= 400 and < 500 => new(true, status, DeadLetterReasons.Refused, null),
        _ => new(false, status, DeadLetterReasons.Expired, retryAfter),
    };
}

/// <summary>
/// The not-before time after a temporary failure: the service's Retry-After when it gave one, otherwise
/// exponential back-off (<see cref="OutboxDeliveryOptions.BaseBackoff"/> doubled per earlier attempt, capped) with
/// jitter (a random 50–100 % of it, from the injected random source), so conversations do not retry in lockstep.
/// </summary>
public sealed class DeliveryBackoff(Func<double> random)
{
    public DeliveryBackoff()
        : this(Random.Shared.NextDouble)
    {
    }

    public TimeSpan Delay(int earlierAttempts, TimeSpan? retryAfter, OutboxDeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > options.MaxAge ? options.MaxAge : asked;
        }

        var exponent = Math.Clamp(earlierAttempts, 0, 30);
        var full = Math.Min(options.MaxBackoff.TotalMilliseconds, options.BaseBackoff.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(full * (0.5 + (0.5 * Math.Clamp(random(), 0, 1))));
    }
}
