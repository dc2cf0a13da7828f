using Microsoft.Extensions.Logging;

namespace MdoBot.Graph.Mail;

/// <summary>Used when Graph is not configured: every send is skipped, and that is logged once per process.</summary>
public sealed class NullMailSender(ILogger<NullMailSender> logger) : IMailSender
{
    private int _logged;

    public Task<MailResult> SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.Exchange(ref _logged, 1) == 0)
        {
            GraphLog.MailNotConfigured(logger);
        }

        return Task.FromResult(MailResult.Skipped);
    }
}
