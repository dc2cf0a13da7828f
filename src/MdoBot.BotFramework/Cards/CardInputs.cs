using System.Text.Json.Serialization;

namespace MdoBot.BotFramework.Cards;

public abstract class CardInput : CardElement
{
    [JsonPropertyName("label")] public string? Label { get; init; }
    [JsonPropertyName("isRequired")] public bool? IsRequired { get; init; }
    [JsonPropertyName("errorMessage")] public string? ErrorMessage { get; init; }
}

public sealed class TextInput : CardInput
{
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("isMultiline")] public bool? IsMultiline { get; init; }
    [JsonPropertyName("maxLength")] public int? MaxLength { get; init; }
}

public sealed class NumberInput : CardInput
{
    [JsonPropertyName("value")] public double? Value { get; init; }
    [JsonPropertyName("min")] public double? Min { get; init; }
    [JsonPropertyName("max")] public double? Max { get; init; }
}

public sealed class DateInput : CardInput
{
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("min")] public string? Min { get; init; }
}

public sealed class ToggleInput : CardInput
{
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("valueOn")] public string? ValueOn { get; init; }
    [JsonPropertyName("valueOff")] public string? ValueOff { get; init; }
}

public sealed class ChoiceSetInput : CardInput
{
    [JsonPropertyName("choices")] public required List<Choice> Choices { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("style")] public string? Style { get; init; }
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
}

public sealed record Choice([property: JsonPropertyName("title")] string Title, [property: JsonPropertyName("value")] string Value);
