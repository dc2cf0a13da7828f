using System.Text.Json;
using System.Text.Json.Serialization;

namespace MdoBot.BotFramework.Protocol;

public sealed class ResourceResponse
{
    [JsonPropertyName("id")] public string? Id { get; set; }
}

public sealed class ConversationParameters
{
    [JsonPropertyName("isGroup")] public bool IsGroup { get; set; }
    [JsonPropertyName("bot")] public ChannelAccount? Bot { get; set; }
    [JsonPropertyName("members")] public List<ChannelAccount>? Members { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonPropertyName("channelData")] public JsonElement? ChannelData { get; set; }
    [JsonPropertyName("activity")] public Activity? Activity { get; set; }
}

public sealed class ConversationResourceResponse
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }
    [JsonPropertyName("activityId")] public string? ActivityId { get; set; }
}

/// <summary>A conversation member as Teams returns it from <c>GET v3/conversations/{id}/members</c>.</summary>
public sealed class TeamsChannelAccount
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("aadObjectId")] public string? AadObjectId { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("userPrincipalName")] public string? UserPrincipalName { get; set; }
    [JsonPropertyName("givenName")] public string? GivenName { get; set; }
    [JsonPropertyName("surname")] public string? Surname { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonPropertyName("userRole")] public string? UserRole { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary><c>GET v1/meetings/{meetingId}</c>.</summary>
public sealed class MeetingInfo
{
    [JsonPropertyName("details")] public MeetingDetails? Details { get; set; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; set; }
    [JsonPropertyName("organizer")] public TeamsChannelAccount? Organizer { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class MeetingDetails
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("msGraphResourceId")] public string? MsGraphResourceId { get; set; }
    [JsonPropertyName("scheduledStartTime")] public DateTimeOffset? ScheduledStartTime { get; set; }
    [JsonPropertyName("scheduledEndTime")] public DateTimeOffset? ScheduledEndTime { get; set; }
    [JsonPropertyName("joinUrl")] public string? JoinUrl { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary><c>GET v1/meetings/{meetingId}/participants/{participantId}?tenantId=</c>.</summary>
public sealed class MeetingParticipant
{
    [JsonPropertyName("user")] public TeamsChannelAccount? User { get; set; }
    [JsonPropertyName("meeting")] public MeetingParticipantInfo? Meeting { get; set; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; set; }
}

public sealed class MeetingParticipantInfo
{
    /// <summary>Organizer, Presenter or Attendee.</summary>
    [JsonPropertyName("role")] public string? Role { get; set; }
    [JsonPropertyName("inMeeting")] public bool? InMeeting { get; set; }
}

/// <summary>A failed call to the Bot Connector service, after any retries.</summary>
public sealed class ConnectorException(int statusCode, string operation, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Operation { get; } = operation;

    /// <summary>How long the service's last answer asked to wait (its <c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
