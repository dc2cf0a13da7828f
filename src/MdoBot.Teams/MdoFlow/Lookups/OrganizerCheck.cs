using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;
using Microsoft.Extensions.Logging;
using MdoBot.Teams.MdoFlow.Pipeline;

namespace MdoBot.Teams.MdoFlow.Lookups;

/// <summary>
/// In a meeting chat, the meeting organizer counts as a chair when Teams tells us their role
/// (<c>GET v1/meetings/{id}/participants/{userId}</c>, within the turn budget of <see cref="TurnDependency.MeetingParticipant"/>).
/// </summary>
public sealed class OrganizerCheck(IConnectorClient connector, TurnBudget budget)
{
    /// <summary>
    /// Adds the actor as chair when they organize the meeting; true when that happened. Throws
    /// <see cref="DependencyUnavailableException"/> when Teams cannot tell in time (the user is asked to try again).
    /// </summary>
    public async Task<bool> TryPromoteAsync(MdoContext ctx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var conversation = ctx.MdoConversation;
        if (conversation.MeetingId is not { } meetingId || conversation.TenantId is not { } tenant || ctx.Turn.UserId is not { } userId)
        {
            return false;
        }

        var participant = await budget.ConnectorAsync(TurnDependency.MeetingParticipant,
            t => connector.GetMeetingParticipantAsync(conversation.ServiceUrl, meetingId, userId, tenant, t), ct);
        return string.Equals(participant?.Meeting?.Role, "Organizer", StringComparison.OrdinalIgnoreCase)
            && ctx.Mdo.AddOrganizerAsChair(ctx.Actor);
    }
}
