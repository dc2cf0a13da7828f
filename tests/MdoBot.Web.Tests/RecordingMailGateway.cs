using System.Collections.Concurrent;
using MdoBot.Teams.Mail;

namespace MdoBot.Web.Tests;

/// <summary>Records e-mails instead of sending them (the Graph wire format is tested in MdoBot.Graph.Tests).</summary>
public sealed class RecordingMailGateway : IMailGateway
{
    public ConcurrentQueue<MailEnvelope> Sent { get; } = new();

    public Task<MailOutcome> SendAsync(MailEnvelope mail, CancellationToken ct)
    {
        Sent.Enqueue(mail);
        return Task.FromResult(MailOutcome.Sent);
    }
}
