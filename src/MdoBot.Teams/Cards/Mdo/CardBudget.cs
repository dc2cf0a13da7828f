using MdoBot.BotFramework.Cards;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>
/// Keeps cards under Teams' size limit (~28 KB): a builder renders at increasing levels of
/// compactness until the JSON fits.
/// </summary>
public static class CardBudget
{
    /// <summary>27 KB: under Teams' ~28 KB card limit with room for the activity around it.</summary>
    public const int MaxBytes = 27 * 1024;

    /// <summary>
    /// The size with every non-ASCII character escaped (\uXXXX): never less than the UTF-8 size on
    /// the wire, whichever JSON encoder a sender uses.
    /// </summary>
    public static int Size(AdaptiveCard card) => CardJson.EscapedSize(card);

    /// <summary>The first of <paramref name="levels"/> renderings (0 = full) that fits; else the most compact one.</summary>
    public static AdaptiveCard Fit(int levels, Func<int, AdaptiveCard> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        for (var level = 0; ; level++)
        {
            var card = build(level);
            if (level >= levels - 1 || CardJson.FitsEscaped(card, MaxBytes))
            {
                return card;
            }
        }
    }

    /// <summary>Shortens <paramref name="text"/> to at most <paramref name="max"/> characters, ending in "…".</summary>
    public static string Clip(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max || max < 2)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }

    /// <summary><see cref="Clip(string, int)"/> for optional texts.</summary>
    public static string? ClipOrNull(string? text, int max) => text is null ? null : Clip(text, max);
}
