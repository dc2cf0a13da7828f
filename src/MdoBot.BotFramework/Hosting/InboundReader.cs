using System.Buffers;
using System.Text.Json;
using MdoBot.BotFramework.Protocol;
using Microsoft.AspNetCore.Http;

namespace MdoBot.BotFramework.Hosting;

/// <summary>Reads and checks the body of <c>POST /api/messages</c>, once the caller's credentials were accepted.</summary>
public static class InboundReader
{
    public const int MaxBodyBytes = 256 * 1024;

    public sealed record Result(Activity? Activity, int Status, string? Error);

    /// <summary>A 413 when the declared length is over the limit (checked before anything is read); null otherwise.</summary>
    public static Result? CheckDeclaredLength(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ContentLength > MaxBodyBytes ? new Result(null, StatusCodes.Status413PayloadTooLarge, "Payload too large.") : null;
    }

    public static async Task<Result> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (CheckDeclaredLength(request) is { } tooLarge)
        {
            return tooLarge;
        }

        // The body is read into a pooled buffer (sized by the declared length when there is one): the activity is
        // deserialized from it and nothing refers to it afterwards (kept-as-JSON fields are copies).
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is > 0 and var declared ? (int)declared + 1 : 16 * 1024);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            {
                length += read;
                if (length > MaxBodyBytes)
                {
                    return new Result(null, StatusCodes.Status413PayloadTooLarge, "Payload too large.");
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Result Parse(ReadOnlySpan<byte> body)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return new Result(null, StatusCodes.Status400BadRequest, "Body is not valid UTF-8.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
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

    /// <summary>Kept-as-JSON fields are decoded lazily: check once that every string in them decodes (no lone surrogates).</summary>
    private static bool AllStringsReadable(JsonElement? element)
    {
        if (element is not { } e)
        {
            return true;
        }

        try
        {
            return Walk(e, depth: 0);
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        static bool Walk(JsonElement e, int depth) => depth <= 64 && e.ValueKind switch
        {
            JsonValueKind.String => e.GetString() is not null,
            JsonValueKind.Object => e.EnumerateObject().All(p => p.Name is not null && Walk(p.Value, depth + 1)),
            JsonValueKind.Array => e.EnumerateArray().All(x => Walk(x, depth + 1)),
            _ => true,
        };
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

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            return "serviceUrl is missing or not a plain http(s) URL.";
        }

        if (string.IsNullOrWhiteSpace(activity.Recipient?.Id))
        {
            return "Recipient is missing.";
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "Sender is missing.";
        }

        return AllStringsReadable(activity.Value) && AllStringsReadable(activity.ChannelData)
            && (activity.Entities?.All(e => AllStringsReadable(e)) ?? true)
            ? null
            : "Body holds text that is not valid Unicode.";
    }
}
