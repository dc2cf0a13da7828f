using MdoBot.BotFramework.Mail;
using MdoBot.Graph;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MdoBot.Web;

/// <summary>Connects MdoBot's attendance port to the Graph attendance report.</summary>
public sealed class GraphAttendanceSource(MdoBot.Graph.Attendance.IAttendanceReader reader) : MdoBot.Teams.MdoFlow.Lookups.IAttendanceSource
{
    public async Task<IReadOnlyList<MdoBot.Teams.MdoFlow.Lookups.AttendanceLine>?> GetAsync(string organizerAadObjectId, string joinUrl, CancellationToken ct)
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

        return entries?.Select(e => new MdoBot.Teams.MdoFlow.Lookups.AttendanceLine(e.DisplayName, (int)Math.Round(e.TotalAttendanceSeconds / 60.0))).ToList();
    }
}

public static class GraphMailSetup
{
    public static IServiceCollection AddMdoBotMail(this IServiceCollection services, IConfiguration configuration)
    {
        // Graph is the e-mail port's adapter: it replaces the "not configured" sender of the protocol layer.
        services.RemoveAll<IMailSender>();
        services.AddMdoBotGraph(configuration);
        services.RemoveAll<MdoBot.Teams.MdoFlow.Lookups.IAttendanceSource>();
        services.AddSingleton<MdoBot.Teams.MdoFlow.Lookups.IAttendanceSource, GraphAttendanceSource>();
        return services;
    }
}
