using System.Text.Json;
using System.Text.Json.Serialization;

namespace MdoBot.BotFramework.Protocol;

/// <summary>The JSON options used for every activity read from or written to the wire.</summary>
public static class ProtocolJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 64,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new Cards.AdaptiveCardJsonConverter() },
    };
}
