using System.Collections.Concurrent;
using MdoBot.BotFramework.Mail;

namespace MdoBot.Web.Tests;

/// <summary>Records e-mails instead of sending them (the Graph wire format is tested in MdoBot.Graph.Tests).</summary>
public sealed class RecordingMailSender : IMailSender
{
    public ConcurrentQueue<MailMessage> Sent { get; } = new();

    public Task<MailResult> SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue(message);
        return Task.FromResult(MailResult.Sent);
    }
}
