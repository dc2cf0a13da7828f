using System.Text.Json;
using MdoBot.Teams.Protocol;
using Microsoft.AspNetCore.Http;

namespace MdoBot.Teams.Hosting;

/// <summary>Reads and checks the body of <c>POST /api/messages</c> before anything else happens.</summary>
public static class InboundReader
{
    public const int MaxBodyBytes = 256 * 1024;

    public sealed record Result(Activity? Activity, int Status, string? Error);

    public static async Task<Result> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return new Result(null, StatusCodes.Status413PayloadTooLarge, "Payload too large.");
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return new Result(null, StatusCodes.Status413PayloadTooLarge, "Payload too large.");
            }

            buffer.Write(chunk, 0, read);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return new Result(null, StatusCodes.Status400BadRequest, "Malformed JSON.");
        }
        catch (InvalidOperationException)
        {
            return new Result(null, StatusCodes.Status400BadRequest, "Malformed JSON.");
        }

        var error = Validate(activity);
        return error is null ? new Result(activity, 200, null) : new Result(null, StatusCodes.Status400BadRequest, error);
    }

    private static string? Validate(Activity? activity)
    {
        if (activity is null)
        {
            return "Body is not an activity.";
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "Activity type is missing.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "Conversation is missing.";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "serviceUrl is missing or not an http(s) URL.";
        }

        return activity.Recipient?.Id is null ? "Recipient is missing." : null;
    }
}
