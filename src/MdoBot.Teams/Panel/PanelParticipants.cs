using MdoBot.Domain.Conversations;
using MdoBot.Domain.Mdo;
using MdoBot.Domain.Persistence;
using MdoBot.Teams.Protocol;

namespace MdoBot.Teams.Panel;

/// <summary>
/// Finds the meeting participant behind a panel user by Entra object id: the link stored from the user's
/// Teams activities, else the conversation's member list (which carries <c>aadObjectId</c>), stored for next time.
/// </summary>
public sealed class PanelParticipants(IMemberLinkStore links, IConnectorClient connector)
{
    /// <summary>The participant (Teams user id and name), or null when the user is not a member of the conversation.</summary>
    public async Task<Participant?> FindAsync(ConversationRef conversation, PanelUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(user);
        var members = await ReadMembersAsync(conversation, ct);
        var stored = await links.GetUserIdAsync(conversation.ConversationId, user.ObjectId, ct);
        var member = members.FirstOrDefault(m => stored is not null && m.Id == stored)
            ?? members.FirstOrDefault(m => string.Equals(m.AadObjectId, user.ObjectId, StringComparison.OrdinalIgnoreCase));
        if (member?.Id is not { } id)
        {
            return stored is not null && members.Count == 0 ? new Participant(stored, user.Name ?? "?") : null;
        }

        if (stored != id)
        {
            await links.SaveMemberLinkAsync(conversation.ConversationId, user.ObjectId, id, ct);
        }

        return new Participant(id, member.Name is { Length: > 0 } n ? n : user.Name ?? "?");
    }

    private async Task<IReadOnlyList<TeamsChannelAccount>> ReadMembersAsync(ConversationRef conversation, CancellationToken ct)
    {
        try
        {
            return await connector.GetConversationMembersAsync(conversation.ServiceUrl, conversation.ConversationId, ct);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException)
        {
            return []; // the stored link alone then identifies the participant
        }
    }
}
