namespace MdoBot.BotFramework.Mail;

public enum MailOutcome
{
    /// <summary>The mail service accepted the message.</summary>
    Sent,

    /// <summary>E-mail is not configured; nothing was attempted.</summary>
    Skipped,

    /// <summary>Refused for good (e.g. no permission to send, or no such sender mailbox); not retried.</summary>
    Unavailable,

    /// <summary>The send failed after the bounded retries (try again later), or the message was rejected.</summary>
    Failed,
}

/// <summary>
/// What became of one e-mail. <see cref="Reason"/> holds no personal data (operation, status and service
/// error code only), so it may be logged or shown to an organiser.
/// </summary>
public sealed record MailResult(MailOutcome Outcome, string? Reason = null, int? StatusCode = null, string? ErrorCode = null)
{
    public static MailResult Sent { get; } = new(MailOutcome.Sent, null, 202);

    public static MailResult Skipped { get; } = new(MailOutcome.Skipped, "E-mail not configured: skipped");

    public bool IsSent => Outcome == MailOutcome.Sent;
}
