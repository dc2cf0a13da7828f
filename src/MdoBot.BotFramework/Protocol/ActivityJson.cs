using System.Buffers;
using System.Text;
using System.Text.Json;

namespace MdoBot.BotFramework.Protocol;

/// <summary>
/// An activity already in wire JSON, for sending a stored activity without reading it into an <see cref="Activity"/> and
/// writing it again: its properties are copied as they are, and only its address is set.
/// </summary>
public sealed class ActivityJson
{
    private ActivityJson(byte[] utf8) => Utf8 = utf8;

    /// <summary>The UTF-8 JSON object sent as the request body.</summary>
    public byte[] Utf8 { get; }

    /// <summary>
    /// <paramref name="stored"/> (a JSON object written by <see cref="ProtocolJson.Options"/>) addressed to
    /// <paramref name="conversationId"/>: its <c>conversation</c> replaced by that id, its <c>id</c> by
    /// <paramref name="activityId"/> when given, and a missing or null <c>from</c> set to <paramref name="fromId"/> when given.
    /// The same JSON as reading it into an <see cref="Activity"/>, setting those and writing it again, except for the order of
    /// its properties.
    /// </summary>
    /// <exception cref="JsonException">Not one well-formed JSON object.</exception>
    public static ActivityJson Addressed(string stored, string conversationId, string? activityId, string? fromId)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(conversationId);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(stored.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(stored, buffer);
            return new ActivityJson(Address(buffer.AsSpan(0, length), conversationId, activityId, fromId));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Address(ReadOnlySpan<byte> json, string conversationId, string? activityId, string? fromId)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ProtocolJson.Options.MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The stored activity is not a JSON object.");
        }

        var output = new ArrayBufferWriter<byte>(json.Length + 128);
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = ProtocolJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            var hasFrom = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var replaced = reader.ValueTextEquals("conversation"u8) || (activityId is not null && reader.ValueTextEquals("id"u8));
                var isFrom = reader.ValueTextEquals("from"u8);
                if (!replaced && !isFrom)
                {
                    if (reader.ValueIsEscaped)
                    {
                        writer.WritePropertyName(reader.GetString()!);
                    }
                    else
                    {
                        writer.WritePropertyName(reader.ValueSpan);
                    }
                }

                reader.Read();
                var start = (int)reader.TokenStartIndex;
                var isNull = reader.TokenType == JsonTokenType.Null;
                reader.Skip(); // to the value's last token: its closing bracket, or the value itself
                if (replaced || (isFrom && isNull))
                {
                    continue;
                }

                if (isFrom)
                {
                    hasFrom = true;
                    writer.WritePropertyName("from"u8);
                }

                writer.WriteRawValue(json[start..(int)reader.BytesConsumed], skipInputValidation: true); // read above: well-formed
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw new JsonException("The stored activity is not one JSON object.");
            }

            if (activityId is not null)
            {
                writer.WriteString("id"u8, activityId);
            }

            writer.WriteStartObject("conversation"u8);
            writer.WriteString("id"u8, conversationId);
            writer.WriteEndObject();
            if (!hasFrom && fromId is not null)
            {
                writer.WriteStartObject("from"u8);
                writer.WriteString("id"u8, fromId);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }
}
