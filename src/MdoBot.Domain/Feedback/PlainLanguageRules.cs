namespace MdoBot.Domain.Feedback;

/// <summary>The thresholds of <see cref="PlainLanguageCheck"/>.</summary>
public static class PlainLanguageRules
{
    /// <summary>A sentence with more words than this is long.</summary>
    public const int MaxSentenceWords = 20;

    /// <summary>A word with more syllables than this is long ("ondersteuning" has 4 and is fine).</summary>
    public const int MaxWordSyllables = 4;

    /// <summary>A word with more letters than this is long, whatever its syllables.</summary>
    public const int MaxWordLetters = 13;

    /// <summary>The lowest readability score (Flesch–Douma / Flesch) that counts as plain: "standaard" or easier.</summary>
    public const double MinReadabilityScore = 60;
}
