using System.Text.Json;
using MdoBot.BotFramework.Storage;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Hosting;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;
using Microsoft.Extensions.Logging;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.Handlers.Meeting;

/// <summary>
/// After a meeting ended, adds the attendance (from the Graph attendance report) to the posted
/// summary card. Skips quietly when the meeting, the report or the permission is not available.
/// </summary>
public sealed partial class AttendanceTimerHandler(
    MdoContextFactory factory, IConnectorClient connector, IAttendanceSource attendance, ILogger<AttendanceTimerHandler> logger) : ITimerHandler
{
    public string Kind => AttendanceTimer.Kind;

    public async Task HandleAsync(TurnContext turn, TimerRecord timer, bool late, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(timer);
        using var doc = JsonDocument.Parse(timer.Payload);
        var ctx = await factory.ForMdoAsync(turn, doc.RootElement.TryGetProperty("mdoId", out var id) ? id.GetString() : null, ct);
        if (ctx is null || ctx.MdoConversation.MeetingId is not { } meetingId || ctx.Mdo.ContentErasedAt is not null)
        {
            return;
        }

        try
        {
            var info = await connector.GetMeetingInfoAsync(ctx.MdoConversation.ServiceUrl, meetingId, ct);
            if (info?.Details?.JoinUrl is not { } joinUrl || info.Organizer?.AadObjectId is not { } organizer
                || await attendance.GetAsync(organizer, joinUrl, ct) is not { Count: > 0 } lines)
            {
                LogSkipped(logger);
                return;
            }

            ctx.Turn.UpdateCardIn(ctx.MdoConversation, CardKeys.Summary(ctx.Mdo.Id), SummaryCard.Build(ctx.Mdo, ctx.Language, ctx.TimeZone, lines));
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException)
        {
            LogSkipped(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Attendance not available; the summary stays without it")]
    private static partial void LogSkipped(ILogger logger);
}
