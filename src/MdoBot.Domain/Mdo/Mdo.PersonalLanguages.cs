using System.Text.Json.Serialization;

namespace MdoBot.Domain.Mdo;

/// <summary>
/// The language each participant's own Teams client uses, as seen when they last acted on this MDO,
/// so that messages only they see (reminders, their feedback draft) are in their language even when
/// sent on a timer or from someone else's turn. Only the code is kept, per user id.
/// </summary>
public sealed partial class Mdo
{
    private Dictionary<string, string> _personalLanguages = new(StringComparer.Ordinal);

    [JsonInclude]
    public IReadOnlyDictionary<string, string> PersonalLanguages
    {
        get => _personalLanguages;
        private set => _personalLanguages = new(value ?? new Dictionary<string, string>(), StringComparer.Ordinal);
    }

    /// <summary>The language code last seen for this user, or null when unknown.</summary>
    public string? PersonalLanguageOf(string? userId) =>
        userId is not null && _personalLanguages.TryGetValue(userId, out var code) ? code : null;

    /// <summary>
    /// Remembers a user's language (a supported code or locale). Unknown users beyond the participant
    /// limit and unsupported codes are ignored. Returns true when something changed.
    /// </summary>
    public bool RememberPersonalLanguage(string? userId, string? locale)
    {
        var code = NormalizeLanguage(locale);
        if (string.IsNullOrWhiteSpace(userId) || code is null || PersonalLanguageOf(userId) == code
            || (_personalLanguages.Count >= MdoLimits.MaxRememberedLanguages && !_personalLanguages.ContainsKey(userId)))
        {
            return false;
        }

        _personalLanguages[userId] = code;
        return true;
    }
}
