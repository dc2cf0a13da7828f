using System.Text.Json;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.Teams.Handlers.Meeting;

/// <summary>The meeting's title as Teams sends it in a meeting event (<c>value.Title</c>), if any.</summary>
public static class MeetingTitle
{
    public static string? Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Value is { ValueKind: JsonValueKind.Object } value
            && (value.TryGetProperty("Title", out var title) || value.TryGetProperty("title", out title))
            && title.ValueKind == JsonValueKind.String
                ? title.GetString()
                : null;
    }
}
