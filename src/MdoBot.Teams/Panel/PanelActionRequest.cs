using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MdoBot.Teams.Panel;

/// <summary>The body of <c>POST /api/panel/chats/{chatId}/actions</c>: which control, on which MDO, as of which version.</summary>
public sealed record PanelActionRequest(string? Action, string? MdoId, long? Version, string? Locale)
{
    public const int MaxBodyBytes = 4096;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads and checks the body; null (with the status to answer) when it is too large, malformed or incomplete.</summary>
    public static async Task<(PanelActionRequest? Request, int Status)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge);
        }

        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
        {
            length += read;
            if (length > MaxBodyBytes)
            {
                return (null, StatusCodes.Status413PayloadTooLarge);
            }
        }

        try
        {
            var body = JsonSerializer.Deserialize<PanelActionRequest>(buffer.AsSpan(0, length), Json);
            return body is { Action: { } a, MdoId: { Length: > 0 and <= PanelAccess.MaxIdLength }, Version: >= 0 } && PanelCommands.Verbs.ContainsKey(a)
                ? (body, StatusCodes.Status200OK)
                : (null, StatusCodes.Status400BadRequest);
        }
        catch (JsonException)
        {
            return (null, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The Teams locale reduced to the two MdoBot speaks (English for <c>en-*</c>, Dutch otherwise).</summary>
    public string CardLocale => Locale is { } l && l.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-US" : "nl-NL";
}
