using Microsoft.Extensions.Logging;

namespace MdoBot.BotFramework.Mail;

/// <summary>Used when no e-mail is configured: every send is skipped, and that is logged once per process.</summary>
public sealed partial class NullMailSender(ILogger<NullMailSender> logger) : IMailSender
{
    private int _logged;

    public Task<MailResult> SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.Exchange(ref _logged, 1) == 0)
        {
            LogNotConfigured(logger);
        }

        return Task.FromResult(MailResult.Skipped);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "E-mail is not configured: e-mails are skipped")]
    private static partial void LogNotConfigured(ILogger logger);
}
