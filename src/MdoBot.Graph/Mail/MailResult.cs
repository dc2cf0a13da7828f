namespace MdoBot.Graph.Mail;

public enum MailOutcome
{
    /// <summary>Graph accepted the message (202).</summary>
    Sent,

    /// <summary>Graph is not configured; nothing was attempted.</summary>
    Skipped,

    /// <summary>Graph refused (401/403) or the sender mailbox does not exist (404); not retried.</summary>
    Unavailable,

    /// <summary>The send failed after the bounded retries, or Graph rejected the message.</summary>
    Failed,
}

/// <summary>
/// What became of one e-mail. <see cref="Reason"/> holds no personal data (operation, status and Graph
/// error code only), so it may be logged or shown to an organiser.
/// </summary>
public sealed record MailResult(MailOutcome Outcome, string? Reason = null, int? StatusCode = null, string? ErrorCode = null)
{
    public static MailResult Sent { get; } = new(MailOutcome.Sent, null, 202);

    public static MailResult Skipped { get; } = new(MailOutcome.Skipped, "Graph not configured: e-mail skipped");

    public bool IsSent => Outcome == MailOutcome.Sent;

    public static MailResult Unavailable(GraphUnavailableException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(MailOutcome.Unavailable, error.Reason, error.StatusCode, error.ErrorCode);
    }

    public static MailResult Failed(GraphRequestFailedException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(MailOutcome.Failed, error.Reason, error.StatusCode, error.ErrorCode);
    }
}
