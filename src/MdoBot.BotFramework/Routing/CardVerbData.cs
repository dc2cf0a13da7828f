using System.Text.Json;

namespace MdoBot.BotFramework.Routing;

/// <summary>
/// The payload of a card action: the verb plus the card's <c>data</c> merged with the input values.
/// Parsed once at the edge; handlers read typed records from it with <see cref="As{T}"/>.
/// </summary>
public sealed class CardVerbData(string verb, JsonElement data, bool isInvoke)
{
    public const string VerbField = "verb";

    public string Verb { get; } = verb;

    public JsonElement Data { get; } = data;

    /// <summary>True for an Action.Execute invoke; false for the Action.Submit fallback (a message).</summary>
    public bool IsInvoke { get; } = isInvoke;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>Reads the payload as <typeparamref name="T"/>; null when it does not fit.</summary>
    public T? As<T>() where T : class
    {
        try
        {
            return Data.ValueKind == JsonValueKind.Object ? Data.Deserialize<T>(Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string? GetString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
