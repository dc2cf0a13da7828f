using System.Text.Json;
using System.Text.Json.Serialization;

namespace MdoBot.BotFramework.Protocol;

/// <summary>
/// A Bot Framework activity as it travels on the wire. Unknown fields are kept in
/// <see cref="Extra"/> so that nothing Teams sends is lost when an activity is re-serialized.
/// </summary>
public sealed class Activity
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; set; }
    [JsonPropertyName("localTimestamp")] public DateTimeOffset? LocalTimestamp { get; set; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }
    [JsonPropertyName("channelId")] public string? ChannelId { get; set; }
    [JsonPropertyName("from")] public ChannelAccount? From { get; set; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; set; }
    [JsonPropertyName("recipient")] public ChannelAccount? Recipient { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("textFormat")] public string? TextFormat { get; set; }
    [JsonPropertyName("summary")] public string? Summary { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }
    [JsonPropertyName("replyToId")] public string? ReplyToId { get; set; }
    [JsonPropertyName("action")] public string? Action { get; set; }
    [JsonPropertyName("membersAdded")] public List<ChannelAccount>? MembersAdded { get; set; }
    [JsonPropertyName("membersRemoved")] public List<ChannelAccount>? MembersRemoved { get; set; }
    [JsonPropertyName("attachments")] public List<Attachment>? Attachments { get; set; }
    [JsonPropertyName("entities")] public List<JsonElement>? Entities { get; set; }
    [JsonPropertyName("channelData")] public JsonElement? ChannelData { get; set; }
    [JsonPropertyName("value")] public JsonElement? Value { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>Creates a plain message activity.</summary>
    public static Activity CreateMessage(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>Creates a message that carries one Adaptive Card.</summary>
    public static Activity CreateCard(object card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }],
    };
}

public sealed class ChannelAccount
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("aadObjectId")] public string? AadObjectId { get; set; }
    [JsonPropertyName("role")] public string? Role { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ConversationAccount
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("conversationType")] public string? ConversationType { get; set; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    [JsonPropertyName("isGroup")] public bool? IsGroup { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyName("contentType")] public string? ContentType { get; set; }
    [JsonPropertyName("content")] public object? Content { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string Typing = "typing";
}
