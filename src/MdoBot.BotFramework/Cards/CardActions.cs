using System.Text.Json.Serialization;

namespace MdoBot.BotFramework.Cards;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract class CardAction
{
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("style")] public string? Style { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
}

/// <summary>
/// Action.Execute (Universal Actions): arrives as an <c>adaptiveCard/action</c> invoke. The verb is
/// also put into <see cref="Data"/> so that the Action.Submit fallback carries it.
/// </summary>
public sealed class ExecuteAction : CardAction
{
    [JsonPropertyName("verb")] public required string Verb { get; init; }
    [JsonPropertyName("data")] public object? Data { get; init; }
    [JsonPropertyName("associatedInputs")] public string? AssociatedInputs { get; init; }
    [JsonPropertyName("fallback")] public CardAction? Fallback { get; init; }
}

public sealed class SubmitAction : CardAction
{
    [JsonPropertyName("data")] public object? Data { get; init; }
    [JsonPropertyName("associatedInputs")] public string? AssociatedInputs { get; init; }
}

public sealed class ShowCardAction : CardAction
{
    [JsonPropertyName("card")] public required AdaptiveCard Card { get; init; }
}

public sealed class OpenUrlAction : CardAction
{
    [JsonPropertyName("url")] public required string Url { get; init; }
}

/// <summary>Shows or hides the card elements with these ids, on the client only (nothing is sent to the bot).</summary>
public sealed class ToggleVisibilityAction : CardAction
{
    [JsonPropertyName("targetElements")] public required List<string> TargetElements { get; init; }
}
