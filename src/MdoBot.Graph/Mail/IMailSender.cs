namespace MdoBot.Graph.Mail;

/// <summary>Sends e-mail from MdoBot's mailbox (to people the bot cannot reach in Teams, such as parents).</summary>
public interface IMailSender
{
    /// <summary>
    /// Sends one message. Never throws for Graph trouble: the outcome says sent, skipped (not configured),
    /// unavailable (403 and friends, not retried) or failed (after bounded retries). Throws
    /// <see cref="ArgumentException"/> for an unusable message and <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    Task<MailResult> SendAsync(MailMessage message, CancellationToken cancellationToken);
}
