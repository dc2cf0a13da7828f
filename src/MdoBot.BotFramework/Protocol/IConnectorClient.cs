namespace MdoBot.BotFramework.Protocol;

/// <summary>
/// The Bot Connector REST API (base = the activity's <c>serviceUrl</c>), plus the Teams meeting
/// extras. Implementations retry transient failures and keep to Teams' per-conversation rate.
/// </summary>
public interface IConnectorClient
{
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct = default);

    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct = default);

    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct = default);

    /// <summary>Posts an activity already in wire JSON (a stored one, addressed by <see cref="ActivityJson.Addressed"/>).</summary>
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, ActivityJson activity, CancellationToken ct = default);

    /// <summary>Replaces an activity with one already in wire JSON (a stored one, addressed by <see cref="ActivityJson.Addressed"/>).</summary>
    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, ActivityJson activity, CancellationToken ct = default);

    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken ct = default);

    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct = default);

    Task<IReadOnlyList<TeamsChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken ct = default);

    /// <summary>Returns null when the service has no such meeting (404) or the bot may not read it (403).</summary>
    Task<MeetingInfo?> GetMeetingInfoAsync(string serviceUrl, string meetingId, CancellationToken ct = default);

    /// <summary>Returns null when the participant or meeting is unknown (404) or not readable (403).</summary>
    Task<MeetingParticipant?> GetMeetingParticipantAsync(string serviceUrl, string meetingId, string participantId, string tenantId, CancellationToken ct = default);
}
