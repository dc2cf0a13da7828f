using MdoBot.BotFramework.Protocol;
using Microsoft.Extensions.Logging;

namespace MdoBot.Teams.MdoFlow;

/// <summary>
/// In a meeting chat, the meeting organizer counts as a chair when Teams tells us their role
/// (<c>GET v1/meetings/{id}/participants/{userId}</c>).
/// </summary>
public sealed partial class OrganizerCheck(IConnectorClient connector, ILogger<OrganizerCheck> logger)
{
    /// <summary>Adds the actor as chair when they organize the meeting; true when that happened.</summary>
    public async Task<bool> TryPromoteAsync(MdoContext ctx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var conversation = ctx.MdoConversation;
        if (conversation.MeetingId is not { } meetingId || conversation.TenantId is not { } tenant || ctx.Turn.UserId is not { } userId)
        {
            return false;
        }

        try
        {
            var participant = await connector.GetMeetingParticipantAsync(conversation.ServiceUrl, meetingId, userId, tenant, ct);
            if (!string.Equals(participant?.Meeting?.Role, "Organizer", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return ctx.Mdo.AddOrganizerAsChair(ctx.Actor);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException)
        {
            LogUnavailable(logger, ex.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting participant role not available: {Error}")]
    private static partial void LogUnavailable(ILogger logger, string error);
}
