namespace MdoBot.BotFramework.Storage;

/// <summary>Where a conversation lives in Teams.</summary>
public enum ConversationKind
{
    Personal,
    GroupChat,
    MeetingChat,
    Channel,
}

/// <summary>
/// Everything MdoBot needs to write into a conversation later on its own (proactively):
/// the conversation reference of the Bot Framework protocol, plus the meeting id when the
/// conversation is a meeting chat. No personal data.
/// </summary>
public sealed record ConversationRef(
    string ConversationId,
    string ServiceUrl,
    string? TenantId,
    string BotId,
    string ChannelId,
    ConversationKind Kind,
    string? MeetingId,
    string? Locale,
    DateTimeOffset InstalledAt,
    bool Active = true);
