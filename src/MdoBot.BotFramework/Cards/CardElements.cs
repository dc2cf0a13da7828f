using System.Text.Json.Serialization;

namespace MdoBot.BotFramework.Cards;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(GroupedBarChart), "Chart.VerticalBar.Grouped")]
public abstract class CardElement
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("spacing")] public string? Spacing { get; init; }
    [JsonPropertyName("separator")] public bool? Separator { get; init; }
    [JsonPropertyName("isVisible")] public bool? IsVisible { get; init; }
}

public sealed class TextBlock : CardElement
{
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("wrap")] public bool? Wrap { get; init; } = true;
    [JsonPropertyName("size")] public string? Size { get; init; }
    [JsonPropertyName("weight")] public string? Weight { get; init; }
    [JsonPropertyName("color")] public string? Color { get; init; }
    [JsonPropertyName("isSubtle")] public bool? IsSubtle { get; init; }
    [JsonPropertyName("style")] public string? Style { get; init; }
}

public sealed class FactSet : CardElement
{
    [JsonPropertyName("facts")] public required List<Fact> Facts { get; init; }
}

public sealed record Fact([property: JsonPropertyName("title")] string Title, [property: JsonPropertyName("value")] string Value);

public sealed class Container : CardElement
{
    [JsonPropertyName("items")] public required List<CardElement> Items { get; init; }
    [JsonPropertyName("style")] public string? Style { get; init; }
    [JsonPropertyName("bleed")] public bool? Bleed { get; init; }
}

public sealed class ColumnSet : CardElement
{
    [JsonPropertyName("columns")] public required List<Column> Columns { get; init; }
}

public sealed class Column
{
    [JsonPropertyName("type")] public string Type => "Column";
    [JsonPropertyName("width")] public string? Width { get; init; }
    [JsonPropertyName("items")] public required List<CardElement> Items { get; init; }
    [JsonPropertyName("verticalContentAlignment")] public string? VerticalContentAlignment { get; init; }
}

public sealed class ActionSet : CardElement
{
    [JsonPropertyName("actions")] public required List<CardAction> Actions { get; init; }
}
