namespace MdoBot.BotFramework.Storage;

/// <summary>
/// An outgoing message that failed for good (the service refused it, or it kept failing temporarily for longer
/// than the outbox's maximum age), kept with its reason but without its content.
/// </summary>
/// <param name="Id">The outbox id it had.</param>
/// <param name="Status">The HTTP status of the last answer; 0 when there was none (time-out, transport error, malformed message).</param>
/// <param name="Reason">One of <see cref="DeadLetterReasons"/>.</param>
/// <param name="At">When it was parked (store clock).</param>
public sealed record DeadLetter(
    long Id,
    string ConversationId,
    string ServiceUrl,
    OutboxOperation Operation,
    string? CardKey,
    string? TargetUserId,
    string? TenantId,
    int Status,
    string Reason,
    DateTimeOffset At);

/// <summary>The short, fixed reasons of a dead letter (never content, names or ids).</summary>
public static class DeadLetterReasons
{
    /// <summary>404: the conversation (or the activity to update) no longer exists.</summary>
    public const string NotFound = "not-found";

    /// <summary>403: the bot was removed from the conversation or blocked.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>400: the service refused the request as invalid.</summary>
    public const string BadRequest = "bad-request";

    /// <summary>Another 4xx answer that retrying cannot change.</summary>
    public const string Refused = "refused";

    /// <summary>The stored message could not be read (it can never be sent).</summary>
    public const string Malformed = "malformed";

    /// <summary>Temporary failures (429, 5xx, time-outs, token failures) for longer than the outbox's maximum age.</summary>
    public const string Expired = "expired";
}
