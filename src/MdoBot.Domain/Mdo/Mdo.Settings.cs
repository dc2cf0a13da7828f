using System.Text.Json.Serialization;

namespace MdoBot.Domain.Mdo;

/// <summary>
/// The MDO's own settings, chair-only: the language of every card the participants share, and the
/// title (from the Teams meeting until a chair sets one).
/// </summary>
public sealed partial class Mdo
{
    /// <summary>The title an MDO gets when nothing better is known; cards leave it out as it adds nothing.</summary>
    public const string DefaultTitle = "MDO";

    /// <summary>The language codes an MDO can be held in, default first.</summary>
    public static IReadOnlyList<string> SupportedLanguages { get; } = ["nl", "en"];

    /// <summary>
    /// The language of the shared cards ("nl" or "en"). Null in MDOs stored before it existed: those read as Dutch.
    /// </summary>
    [JsonInclude] public string? LanguageCode { get; private set; }

    /// <summary>True once a chair chose the title: the meeting's title no longer replaces it.</summary>
    [JsonInclude] public bool TitleSetByChair { get; private set; }

    /// <summary>False for the default title ("MDO"): a card showing it would only repeat what it is.</summary>
    [JsonIgnore] public bool HasOwnTitle => !string.Equals(Title, DefaultTitle, StringComparison.OrdinalIgnoreCase);

    /// <summary>The supported code for <paramref name="code"/> (case-insensitive, "en-US" → "en"), or null.</summary>
    public static string? NormalizeLanguage(string? code)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var primary = trimmed.Split('-', '_')[0];
        return SupportedLanguages.FirstOrDefault(l => string.Equals(l, primary, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Sets the language of the shared cards; false when it already was that language.</summary>
    /// <exception cref="MdoRuleException">NotChair; Closed; InvalidInput ("language") for an unsupported code.</exception>
    public bool SetLanguage(Participant actor, string code)
    {
        MdoPolicy.DemandChair(this, actor);
        EnsureNotClosed();
        var normalized = NormalizeLanguage(code) ?? throw MdoRuleException.Invalid("language", "is not a supported language.");
        if (string.Equals(normalized, LanguageCode ?? SupportedLanguages[0], StringComparison.Ordinal))
        {
            return false;
        }

        LanguageCode = normalized;
        return true;
    }

    /// <summary>Sets the title chosen by a chair; false when unchanged.</summary>
    /// <exception cref="MdoRuleException">NotChair; Closed; InvalidInput ("title") when blank or too long.</exception>
    public bool SetTitle(Participant actor, string title)
    {
        MdoPolicy.DemandChair(this, actor);
        EnsureNotClosed();
        var text = MdoText.Required(title, MdoLimits.TitleMaxLength, "title");
        var changed = !string.Equals(text, Title, StringComparison.Ordinal);
        Title = text;
        TitleSetByChair = true;
        return changed;
    }

    /// <summary>
    /// Takes the Teams meeting's title (meeting-start event or meeting details) unless a chair chose one.
    /// Returns false and changes nothing when blank, too long, unchanged, chosen by a chair, or closed.
    /// </summary>
    public bool TakeMeetingTitle(string? title)
    {
        var text = title?.Trim();
        if (TitleSetByChair || State == MdoState.Closed || string.IsNullOrEmpty(text) || text.Length > MdoLimits.TitleMaxLength
            || string.Equals(text, Title, StringComparison.Ordinal))
        {
            return false;
        }

        Title = text;
        return true;
    }
}
