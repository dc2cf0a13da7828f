namespace MdoBot.BotFramework.Storage;

/// <summary>
/// Which Teams user id a person (by Entra object id, the <c>aadObjectId</c> Teams activities carry) has in a
/// conversation: how the meeting side panel, signed in with an Entra token, finds the meeting participant.
/// </summary>
public interface IMemberLinkStore
{
    Task<string?> GetUserIdAsync(string conversationId, string aadObjectId, CancellationToken ct = default);

    /// <summary>Stores (or moves) the link; storing the same link again changes nothing.</summary>
    Task SaveMemberLinkAsync(string conversationId, string aadObjectId, string userId, CancellationToken ct = default);
}
