using MdoBot.BotFramework.Storage;
using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.Teams.Panel;

/// <summary>
/// Finds the meeting participant behind a panel user by Entra object id: the link stored from the user's
/// Teams activities (one indexed read), else the conversation's member list (which carries <c>aadObjectId</c>),
/// whose answer is stored as a link for next time.
/// </summary>
public sealed class PanelParticipants(IMemberLinkStore links, IConnectorClient connector)
{
    /// <summary>
    /// The participant (Teams user id; the name when the member list gave it, else empty so that the turn looks it
    /// up), or null when the user is neither linked nor listed as a member of the conversation.
    /// </summary>
    public async Task<Participant?> FindAsync(ConversationRef conversation, PanelUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(user);
        if (await links.GetUserIdAsync(conversation.ConversationId, user.ObjectId, ct) is { } linked)
        {
            return new Participant(linked, string.Empty);
        }

        var members = await ReadMembersAsync(conversation, ct);
        var member = members.FirstOrDefault(m => string.Equals(m.AadObjectId, user.ObjectId, StringComparison.OrdinalIgnoreCase));
        if (member?.Id is not { Length: > 0 } id)
        {
            return null;
        }

        await links.SaveMemberLinkAsync(conversation.ConversationId, user.ObjectId, id, ct);
        return new Participant(id, member.Name ?? string.Empty);
    }

    private async Task<IReadOnlyList<TeamsChannelAccount>> ReadMembersAsync(ConversationRef conversation, CancellationToken ct)
    {
        try
        {
            return await connector.GetConversationMembersAsync(conversation.ServiceUrl, conversation.ConversationId, ct);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException)
        {
            return []; // only linked users are recognised while the member list is unavailable
        }
    }
}
