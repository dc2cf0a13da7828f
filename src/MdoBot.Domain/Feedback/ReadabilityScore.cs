namespace MdoBot.Domain.Feedback;

/// <summary>The usual Flesch bands, from 90+ (very easy) down to below 30 (very difficult).</summary>
public enum ReadabilityLevel
{
    VeryEasy,
    Easy,
    FairlyEasy,
    Standard,
    FairlyDifficult,
    Difficult,
    VeryDifficult,
}

/// <summary>A readability score (not clamped: short simple texts may score above 100) with its band and label.</summary>
/// <param name="Label">The band in the text's language, e.g. "vrij makkelijk" or "fairly easy".</param>
public sealed record ReadabilityScore(double Score, ReadabilityLevel Level, string Label);
