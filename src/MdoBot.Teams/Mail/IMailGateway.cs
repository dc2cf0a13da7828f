using Microsoft.Extensions.Logging;

namespace MdoBot.Teams.Mail;

/// <summary>An e-mail as MdoBot sends it: readable HTML plus a plain-text part. The subject holds no personal data.</summary>
public sealed record MailEnvelope(string To, string Subject, string HtmlBody, string TextBody);

public enum MailOutcome
{
    Sent,

    /// <summary>E-mail is not configured: nothing was sent, and that is fine.</summary>
    Skipped,

    /// <summary>Permanently refused (e.g. 403: no Mail.Send permission).</summary>
    Refused,

    /// <summary>A transient failure after retries: try again later.</summary>
    Failed,
}

/// <summary>Sends e-mail (Microsoft Graph in production).</summary>
public interface IMailGateway
{
    Task<MailOutcome> SendAsync(MailEnvelope mail, CancellationToken ct);
}

/// <summary>Used when no e-mail is configured: says so once in the log and skips, never failing the caller.</summary>
public sealed partial class DisabledMailGateway(ILogger<DisabledMailGateway> logger) : IMailGateway
{
    private int _logged;

    public Task<MailOutcome> SendAsync(MailEnvelope mail, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _logged, 1) == 0)
        {
            LogDisabled(logger);
        }

        return Task.FromResult(MailOutcome.Skipped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail is not configured (Graph): e-mails are skipped.")]
    private static partial void LogDisabled(ILogger logger);
}

/// <summary>The subject and bodies of a queued e-mail (the address is looked up when it is sent).</summary>
public sealed record MailContent(string Subject, string HtmlBody, string TextBody);
