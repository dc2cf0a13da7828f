using System.Text.Json;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Handlers.Meeting;

/// <summary>The <c>channelData.notification</c> that makes Teams show a message inside the meeting.</summary>
public static class InMeeting
{
    public static JsonElement Notification(string? publicBaseUrl, Language lang)
    {
        var url = string.IsNullOrWhiteSpace(publicBaseUrl)
            ? null
            : $"{publicBaseUrl.TrimEnd('/')}/meeting-notice?lang={(lang == Language.English ? "en" : "nl")}";
        return JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["notification"] = url is null
                ? new Dictionary<string, object> { ["alertInMeeting"] = true }
                : new Dictionary<string, object> { ["alertInMeeting"] = true, ["externalResourceUrl"] = url },
        });
    }
}
