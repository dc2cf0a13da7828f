using System.Text.Json;

namespace MdoBot.Teams.Handlers.Meeting;

/// <summary>Reads a dynamically named input (e.g. <c>newOwner_a3</c>) from an invoke or submit value.</summary>
public static class CaseInputs
{
    public static string? Find(JsonElement value, string inputId)
    {
        var data = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("action", out var a)
            && a.ValueKind == JsonValueKind.Object && a.TryGetProperty("data", out var d) ? d : value;
        return data.ValueKind == JsonValueKind.Object && data.TryGetProperty(inputId, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
    }
}
