using System.Text.Json;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.BotFramework.Routing;

/// <summary>Card and message language: Dutch by default, English for an English Teams locale.</summary>
public enum Language
{
    Dutch,
    English,
}

public static class LanguageResolver
{
    /// <summary>From the activity's locale, else its clientInfo entity, else the configured default.</summary>
    public static Language Resolve(Activity activity, Language fallback = Language.Dutch)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var locale = activity.Locale ?? ClientInfoLocale(activity);
        return FromLocale(locale, fallback);
    }

    public static Language FromLocale(string? locale, Language fallback = Language.Dutch) => locale switch
    {
        null or "" => fallback,
        _ when locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) => Language.English,
        _ when locale.StartsWith("nl", StringComparison.OrdinalIgnoreCase) => Language.Dutch,
        _ => fallback,
    };

    private static string? ClientInfoLocale(Activity activity) =>
        activity.Entities?
            .Where(e => e.ValueKind == JsonValueKind.Object
                && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.ValueEquals("clientInfo")
                && e.TryGetProperty("locale", out var l) && l.ValueKind == JsonValueKind.String)
            .Select(e => e.GetProperty("locale").GetString())
            .FirstOrDefault();
}

public static class LanguageTexts
{
    /// <summary>Picks the Dutch or English text (Dutch by default).</summary>
    public static string Pick(this Language language, string dutch, string english) =>
        language == Language.English ? english : dutch;
}
