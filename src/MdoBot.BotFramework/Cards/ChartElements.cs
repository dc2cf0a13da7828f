using System.Text.Json.Serialization;

namespace MdoBot.BotFramework.Cards;

/// <summary>
/// Teams' grouped vertical bar chart (<c>Chart.VerticalBar.Grouped</c>), a Teams-only element outside
/// the public Adaptive Card schema. Clients without charts render <see cref="Fallback"/> instead.
/// </summary>
public sealed class GroupedBarChart : CardElement
{
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("colorSet")] public string? ColorSet { get; init; }
    [JsonPropertyName("data")] public required List<ChartSeries> Data { get; init; }
    [JsonPropertyName("fallback")] public CardElement? Fallback { get; init; }
}

/// <summary>One series (legend) of a grouped bar chart.</summary>
public sealed class ChartSeries
{
    [JsonPropertyName("legend")] public required string Legend { get; init; }
    [JsonPropertyName("values")] public required List<ChartPoint> Values { get; init; }
}

public sealed record ChartPoint([property: JsonPropertyName("x")] string X, [property: JsonPropertyName("y")] double Y);
