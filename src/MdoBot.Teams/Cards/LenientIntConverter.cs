using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MdoBot.Teams.Cards;

/// <summary>Reads a card input number that clients send as a number, a numeric string or "" (empty = null).</summary>
public sealed class LenientIntConverter : JsonConverter<int?>
{
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDouble(out var d) && d is >= int.MinValue and <= int.MaxValue => (int)Math.Round(d),
        JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s)
            && s is >= int.MinValue and <= int.MaxValue => (int)Math.Round(s),
        JsonTokenType.String or JsonTokenType.Null => null,
        _ => throw new JsonException("Not a number."),
    };

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v)
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
