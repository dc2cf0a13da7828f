namespace MdoBot.BotFramework.Mail;

/// <summary>
/// The e-mail port: sends mail from the bot's mailbox (to people it cannot reach in chat). Implemented by the
/// Microsoft Graph adapter; <see cref="NullMailSender"/> when e-mail is not configured.
/// </summary>
public interface IMailSender
{
    /// <summary>
    /// Sends one message. Never throws for service trouble: the outcome says sent, skipped (not configured),
    /// unavailable (403 and friends, not retried) or failed (after bounded retries). Throws
    /// <see cref="ArgumentException"/> for an unusable message and <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    Task<MailResult> SendAsync(MailMessage message, CancellationToken cancellationToken);
}
