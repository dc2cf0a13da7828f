namespace MdoBot.Domain.Feedback;

/// <summary>
/// Readability formulas. Dutch: Flesch–Douma (1960), the Dutch adaptation of Flesch.
/// English: Flesch Reading Ease (1948). Both: higher is easier; 60–70 is "standard".
/// </summary>
public static class Readability
{
    /// <summary>206.835 − 0.93 × (words / sentences) − 77 × (syllables / words).</summary>
    public static double FleschDouma(int words, int sentences, int syllables) =>
        Formula(words, sentences, syllables, 0.93, 77);

    /// <summary>206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words).</summary>
    public static double FleschReadingEase(int words, int sentences, int syllables) =>
        Formula(words, sentences, syllables, 1.015, 84.6);

    /// <summary>
    /// The score for <paramref name="language"/>. A text without words scores 100 ("very easy"):
    /// there is nothing hard in it.
    /// </summary>
    public static ReadabilityScore Score(FeedbackLanguage language, int words, int sentences, int syllables)
    {
        var score = words == 0
            ? 100
            : language == FeedbackLanguage.English
                ? FleschReadingEase(words, sentences, syllables)
                : FleschDouma(words, sentences, syllables);
        var level = LevelOf(score);
        return new ReadabilityScore(score, level, Label(level, language));
    }

    /// <summary>≥ 90 very easy, ≥ 80 easy, ≥ 70 fairly easy, ≥ 60 standard, ≥ 50 fairly difficult, ≥ 30 difficult, else very difficult.</summary>
    public static ReadabilityLevel LevelOf(double score) => score switch
    {
        >= 90 => ReadabilityLevel.VeryEasy,
        >= 80 => ReadabilityLevel.Easy,
        >= 70 => ReadabilityLevel.FairlyEasy,
        >= 60 => ReadabilityLevel.Standard,
        >= 50 => ReadabilityLevel.FairlyDifficult,
        >= 30 => ReadabilityLevel.Difficult,
        _ => ReadabilityLevel.VeryDifficult,
    };

    public static string Label(ReadabilityLevel level, FeedbackLanguage language) =>
        language == FeedbackLanguage.English ? EnglishLabel(level) : DutchLabel(level);

    private static double Formula(int words, int sentences, int syllables, double sentenceWeight, double syllableWeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(words);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sentences);
        ArgumentOutOfRangeException.ThrowIfNegative(syllables);
        return 206.835 - (sentenceWeight * words / sentences) - (syllableWeight * syllables / words);
    }

    private static string DutchLabel(ReadabilityLevel level) => level switch
    {
        ReadabilityLevel.VeryEasy => "zeer makkelijk",
        ReadabilityLevel.Easy => "makkelijk",
        ReadabilityLevel.FairlyEasy => "vrij makkelijk",
        ReadabilityLevel.Standard => "standaard",
        ReadabilityLevel.FairlyDifficult => "vrij moeilijk",
        ReadabilityLevel.Difficult => "moeilijk",
        _ => "zeer moeilijk",
    };

    private static string EnglishLabel(ReadabilityLevel level) => level switch
    {
        ReadabilityLevel.VeryEasy => "very easy",
        ReadabilityLevel.Easy => "easy",
        ReadabilityLevel.FairlyEasy => "fairly easy",
        ReadabilityLevel.Standard => "standard",
        ReadabilityLevel.FairlyDifficult => "fairly difficult",
        ReadabilityLevel.Difficult => "difficult",
        _ => "very difficult",
    };
}
