using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MdoBot.BotFramework.Cards;

public static class CardJson
{
    public static JsonObject ToNode(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, Protocol.ProtocolJson.Options)!.AsObject();

    public static string Serialize(AdaptiveCard card, bool indented = false) =>
        JsonSerializer.Serialize(card, indented ? Indented : Protocol.ProtocolJson.Options);

    /// <summary>
    /// The length of the card's JSON with every non-ASCII and HTML-sensitive character escaped
    /// (the same text as <c>ToNode(card).ToJsonString()</c>), measured in one pass into a reused
    /// buffer: never less than the UTF-8 size on the wire, whichever JSON encoder a sender uses.
    /// </summary>
    public static int EscapedSize(AdaptiveCard card)
    {
        var buffer = t_sizeBuffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, card, Escaping);
        }

        var size = buffer.WrittenCount;
        if (buffer.Capacity > 256 * 1024)
        {
            t_sizeBuffer = null; // do not keep an unusually large buffer alive on the thread
        }

        return size;
    }

    /// <summary>
    /// Whether <see cref="EscapedSize"/> of the card is at most <paramref name="maxBytes"/>, mostly without measuring it:
    /// the card's wire JSON is needed anyway (it is kept for sending), and escaping turns each of its bytes into at most
    /// six (<c>\uXXXX</c>), letters, digits, spaces and JSON punctuation into one. Only a card whose bound exceeds the
    /// limit is measured exactly.
    /// </summary>
    public static bool FitsEscaped(AdaptiveCard card, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(card);
        var wire = AdaptiveCardJsonConverter.WireJsonOf(card).AsSpan();
        if ((long)wire.Length * 6 <= maxBytes)
        {
            return true; // even if every byte were escaped
        }

        long bound = wire.Length;
        for (var at = wire.IndexOfAnyExcept(OneByte); at >= 0; at = Next(wire, at))
        {
            bound += 5;
        }

        return bound <= maxBytes || EscapedSize(card) <= maxBytes;

        static int Next(ReadOnlySpan<byte> wire, int at)
        {
            var rest = wire[(at + 1)..].IndexOfAnyExcept(OneByte);
            return rest < 0 ? -1 : at + 1 + rest;
        }
    }

    /// <summary>Bytes that every JSON encoder writes as themselves.</summary>
    private static readonly SearchValues<byte> OneByte =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.:{}[]-_"u8);

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_sizeBuffer;

    private static readonly JsonSerializerOptions Indented = new(Protocol.ProtocolJson.Options) { WriteIndented = true };

    private static readonly JsonSerializerOptions Escaping = new(Protocol.ProtocolJson.Options) { Encoder = JavaScriptEncoder.Default };
}
