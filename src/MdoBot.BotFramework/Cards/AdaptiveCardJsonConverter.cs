using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.BotFramework.Cards;

/// <summary>
/// Writes a card with the protocol options once and repeats those bytes when the same card is written again
/// (the outbox's update and the invoke answer of one turn). Any other options (indented, escaping for the size
/// check) serialize the card afresh, as without this converter.
/// </summary>
internal sealed class AdaptiveCardJsonConverter : JsonConverter<AdaptiveCard>
{
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Plain = [];

    public override AdaptiveCard? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<AdaptiveCard>(ref reader, PlainOf(options));

    public override void Write(Utf8JsonWriter writer, AdaptiveCard value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (ReferenceEquals(options, ProtocolJson.Options) && !writer.Options.Indented)
        {
            writer.WriteRawValue(WireJsonOf(value), skipInputValidation: true);
            return;
        }

        JsonSerializer.Serialize(writer, value, PlainOf(options));
    }

    /// <summary>The card's JSON with the protocol options, serialized on first use.</summary>
    internal static byte[] WireJsonOf(AdaptiveCard card) =>
        card.WireJson ??= JsonSerializer.SerializeToUtf8Bytes(card, PlainOf(ProtocolJson.Options));

    /// <summary>The same options without this converter (cached per options instance).</summary>
    private static JsonSerializerOptions PlainOf(JsonSerializerOptions options) =>
        Plain.GetValue(options, static o =>
        {
            var plain = new JsonSerializerOptions(o);
            for (var i = plain.Converters.Count - 1; i >= 0; i--)
            {
                if (plain.Converters[i] is AdaptiveCardJsonConverter)
                {
                    plain.Converters.RemoveAt(i);
                }
            }

            return plain;
        });
}
