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

/// <summary>Connects MdoBot's attendance port to the Graph attendance report.</summary>
public sealed class GraphAttendanceSource(MdoBot.Graph.Attendance.IAttendanceReader reader) : MdoBot.Teams.MdoFlow.IAttendanceSource
{
    public async Task<IReadOnlyList<MdoBot.Teams.MdoFlow.AttendanceLine>?> GetAsync(string organizerAadObjectId, string joinUrl, CancellationToken ct)
    {
        IReadOnlyList<MdoBot.Graph.Attendance.AttendanceEntry>? entries;
        try
        {
            entries = await reader.GetAttendanceAsync(organizerAadObjectId, joinUrl, ct);
        }
        catch (GraphRequestFailedException)
        {
            return null; // attendance is a nice-to-have: skip quietly
        }

        return entries?.Select(e => new MdoBot.Teams.MdoFlow.AttendanceLine(e.DisplayName, (int)Math.Round(e.TotalAttendanceSeconds / 60.0))).ToList();
    }
}

public static class GraphMailSetup
{
    public static IServiceCollection AddMdoBotMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMdoBotGraph(configuration);
        services.RemoveAll<IMailGateway>();
        services.AddSingleton<IMailGateway, GraphMailGateway>();
        services.RemoveAll<MdoBot.Teams.MdoFlow.IAttendanceSource>();
        services.AddSingleton<MdoBot.Teams.MdoFlow.IAttendanceSource, GraphAttendanceSource>();
        return services;
    }
}
