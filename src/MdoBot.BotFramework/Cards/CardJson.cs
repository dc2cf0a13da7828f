using System.Text.Json;
using System.Text.Json.Nodes;

namespace MdoBot.BotFramework.Cards;

public static class CardJson
{
    public static JsonObject ToNode(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, Protocol.ProtocolJson.Options)!.AsObject();

    public static string Serialize(AdaptiveCard card, bool indented = false) =>
        JsonSerializer.Serialize(card, indented ? Indented : Protocol.ProtocolJson.Options);

    private static readonly JsonSerializerOptions Indented = new(Protocol.ProtocolJson.Options) { WriteIndented = true };
}
