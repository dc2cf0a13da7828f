using System.Text.Json.Serialization;

namespace MdoBot.BotFramework.Cards;

/// <summary>An Adaptive Card (version 1.5, the version Teams renders).</summary>
public sealed class AdaptiveCard
{
    [JsonPropertyName("type")] public string Type => "AdaptiveCard";
    [JsonPropertyName("$schema")] public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";
    [JsonPropertyName("version")] public string Version { get; init; } = "1.5";
    [JsonPropertyName("lang")] public string? Lang { get; init; }
    [JsonPropertyName("fallbackText")] public string? FallbackText { get; init; }
    [JsonPropertyName("speak")] public string? Speak { get; init; }
    [JsonPropertyName("refresh")] public CardRefresh? Refresh { get; init; }
    [JsonPropertyName("body")] public List<CardElement> Body { get; init; } = [];
    [JsonPropertyName("actions")] public List<CardAction>? Actions { get; init; }
    [JsonPropertyName("msteams")] public TeamsCardProperties? MsTeams { get; init; }

    /// <summary>
    /// The card's wire JSON, kept from its first serialization with the protocol options (see
    /// <see cref="AdaptiveCardJsonConverter"/>): a turn writes the same card into the outgoing update and into its
    /// answer, and it is built only once. A card is not changed after it was sent or answered.
    /// </summary>
    [JsonIgnore] internal byte[]? WireJson { get; set; }
}

/// <summary>Teams' card extension: full width and @mention entities.</summary>
public sealed class TeamsCardProperties
{
    [JsonPropertyName("width")] public string? Width { get; init; }
    [JsonPropertyName("entities")] public List<MentionEntity>? Entities { get; init; }
}

public sealed class MentionEntity
{
    [JsonPropertyName("type")] public string Type => "mention";
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("mentioned")] public required MentionedUser Mentioned { get; init; }

    public static MentionEntity For(string userId, string name) =>
        new() { Text = $"<at>{name}</at>", Mentioned = new MentionedUser { Id = userId, Name = name } };
}

public sealed class MentionedUser
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
}

public sealed class CardRefresh
{
    [JsonPropertyName("action")] public required ExecuteAction Action { get; init; }
    [JsonPropertyName("userIds")] public List<string>? UserIds { get; init; }
}
