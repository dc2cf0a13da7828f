using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.MdoFlow.Pipeline;

/// <summary>Maps the MDO's stored language code to the card language, and back.</summary>
public static class MdoLanguage
{
    /// <summary>English for "en"; Dutch otherwise (also for MDOs stored before the language existed).</summary>
    public static Language Of(Mdo mdo)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        return LanguageResolver.FromLocale(mdo.LanguageCode);
    }

    public static string Code(Language lang) => lang == Language.English ? "en" : "nl";

    /// <summary>"nl (Nederlands), en (English)": the supported languages, for the usage answer.</summary>
    public static string SupportedList() =>
        string.Join(", ", Mdo.SupportedLanguages.Select(code => $"{code} ({Name(LanguageResolver.FromLocale(code))})"));

    /// <summary>The language's own name.</summary>
    public static string Name(Language lang) => lang == Language.English ? "English" : "Nederlands";
}
