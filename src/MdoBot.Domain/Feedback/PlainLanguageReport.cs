namespace MdoBot.Domain.Feedback;

/// <summary>A jargon term found in the text, with its plain alternative.</summary>
/// <param name="Term">The listed term (see <see cref="CareJargon"/>), not the matched spelling.</param>
/// <param name="Position">Character offset of the match in the text.</param>
/// <param name="Length">Length of the match in the text.</param>
public sealed record JargonHit(string Term, string PlainAlternative, int Position, int Length);

/// <summary>A sentence with more than <see cref="PlainLanguageRules.MaxSentenceWords"/> words.</summary>
/// <param name="Index">0-based index among the sentences of the text.</param>
/// <param name="Position">Character offset where the sentence starts.</param>
public sealed record LongSentence(int Index, int Position, int WordCount);

/// <summary>
/// A word with more than <see cref="PlainLanguageRules.MaxWordSyllables"/> syllables or more than
/// <see cref="PlainLanguageRules.MaxWordLetters"/> letters.
/// </summary>
public sealed record LongWord(string Word, int Position, int Syllables);

/// <summary>What <see cref="PlainLanguageCheck.Analyze"/> found.</summary>
/// <param name="SentenceCount">Sentences with at least one word.</param>
/// <param name="WordCount">Words (letters and digits; "POH-GGZ" and "baby's" are one word).</param>
/// <param name="SyllableCount">Syllables of all words, by the language's counter.</param>
public sealed record PlainLanguageReport(
    FeedbackLanguage Language,
    IReadOnlyList<JargonHit> JargonHits,
    IReadOnlyList<LongSentence> LongSentences,
    IReadOnlyList<LongWord> LongWords,
    int SentenceCount,
    int WordCount,
    int SyllableCount,
    ReadabilityScore Readability)
{
    /// <summary>
    /// No jargon, no long sentences and a readability score of at least
    /// <see cref="PlainLanguageRules.MinReadabilityScore"/>. Long words are advice only.
    /// </summary>
    public bool IsPlain =>
        JargonHits.Count == 0
        && LongSentences.Count == 0
        && Readability.Score >= PlainLanguageRules.MinReadabilityScore;
}
