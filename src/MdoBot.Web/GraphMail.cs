using MdoBot.Graph;
using MdoBot.Graph.Mail;
using MdoBot.Teams.Mail;
using Microsoft.Extensions.DependencyInjection.Extensions;
using GraphOutcome = MdoBot.Graph.Mail.MailOutcome;
using TeamsOutcome = MdoBot.Teams.Mail.MailOutcome;

namespace MdoBot.Web;

/// <summary>Connects MdoBot's e-mail port to Microsoft Graph (<c>POST /users/{sender}/sendMail</c>).</summary>
public sealed class GraphMailGateway(IMailSender sender) : IMailGateway
{
    public async Task<TeamsOutcome> SendAsync(MailEnvelope mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var result = await sender.SendAsync(new MailMessage(mail.To, mail.Subject, mail.HtmlBody, mail.TextBody), ct);
        return result.Outcome switch
        {
            GraphOutcome.Sent => TeamsOutcome.Sent,
            GraphOutcome.Skipped => TeamsOutcome.Skipped,
            GraphOutcome.Unavailable => TeamsOutcome.Refused,
            _ => TeamsOutcome.Failed,
        };
    }
}

public static class GraphMailSetup
{
    public static IServiceCollection AddMdoBotMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMdoBotGraph(configuration);
        services.RemoveAll<IMailGateway>();
        services.AddSingleton<IMailGateway, GraphMailGateway>();
        return services;
    }
}
