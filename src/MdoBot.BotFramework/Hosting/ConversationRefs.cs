using System.Text.Json;
using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.BotFramework.Hosting;

/// <summary>Builds the stored conversation reference from an incoming activity.</summary>
public static class ConversationRefs
{
    public static ConversationRef FromActivity(Activity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var meetingId = MeetingId(activity);
        return new ConversationRef(
            activity.Conversation!.Id!,
            activity.ServiceUrl!,
            activity.Conversation.TenantId ?? TenantFromChannelData(activity),
            activity.Recipient!.Id!,
            activity.ChannelId ?? "msteams",
            KindOf(activity.Conversation, meetingId),
            meetingId,
            activity.Locale,
            now);
    }

    /// <summary>True when the stored reference must be refreshed (new, moved service URL, new meeting id).</summary>
    public static bool NeedsSave(ConversationRef? stored, ConversationRef fresh) =>
        stored is null || !stored.Active || stored.ServiceUrl != fresh.ServiceUrl || stored.BotId != fresh.BotId
        || (fresh.MeetingId is not null && stored.MeetingId != fresh.MeetingId) || (stored.Locale is null && fresh.Locale is not null);

    public static string? MeetingId(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelData is { ValueKind: JsonValueKind.Object } cd
            && cd.TryGetProperty("meeting", out var m) && m.ValueKind == JsonValueKind.Object
            && m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
    }

    private static string? TenantFromChannelData(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } cd
        && cd.TryGetProperty("tenant", out var t) && t.ValueKind == JsonValueKind.Object
        && t.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static ConversationKind KindOf(ConversationAccount conversation, string? meetingId) => conversation.ConversationType switch
    {
        "personal" => ConversationKind.Personal,
        "channel" => ConversationKind.Channel,
        _ when meetingId is not null || (conversation.Id?.StartsWith("19:meeting_", StringComparison.Ordinal) ?? false) => ConversationKind.MeetingChat,
        _ => ConversationKind.GroupChat,
    };
}
