using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.Teams.Panel;

/// <summary>
/// Whether Teams names a participant the meeting's organizer (<c>GET v1/meetings/{id}/participants/{userId}</c>), as
/// <see cref="MdoFlow.Lookups.OrganizerCheck"/> asks for the cards: the card verb then makes the organizer a chair.
/// </summary>
public sealed class PanelOrganizers(IConnectorClient connector)
{
    public async Task<bool> IsOrganizerAsync(ConversationRef conversation, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.MeetingId is not { } meetingId || conversation.TenantId is not { } tenant)
        {
            return false;
        }

        try
        {
            var participant = await connector.GetMeetingParticipantAsync(conversation.ServiceUrl, meetingId, userId, tenant, ct);
            return string.Equals(participant?.Meeting?.Role, "Organizer", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException)
        {
            return false; // unknown role: not a chair
        }
    }
}
