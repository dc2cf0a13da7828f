namespace MdoBot.Domain.Feedback;

/// <summary>
/// Checks a text for parents: care jargon, long sentences, long words and a readability
/// score (Flesch–Douma for Dutch, Flesch Reading Ease for English). Pure and deterministic.
/// See <see cref="PlainLanguageRules"/> for the thresholds, <see cref="SyllableCounter"/>
/// for syllables and <see cref="JargonMatcher"/> for how terms match.
/// </summary>
public static class PlainLanguageCheck
{
    public static PlainLanguageReport Analyze(string text, FeedbackLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = TextSegmenter.Sentences(text);
        var longSentences = new List<LongSentence>();
        var longWords = new List<LongWord>();
        var words = 0;
        var syllables = 0;
        for (var index = 0; index < sentences.Count; index++)
        {
            var sentence = sentences[index];
            if (sentence.Words.Count > PlainLanguageRules.MaxSentenceWords)
            {
                longSentences.Add(new LongSentence(index, sentence.Position, sentence.Words.Count));
            }

            foreach (var word in sentence.Words)
            {
                var count = SyllableCounter.Count(word.Text, lang);
                words++;
                syllables += count;
                if (IsLong(word.Text, count))
                {
                    longWords.Add(new LongWord(word.Text, word.Position, count));
                }
            }
        }

        return new PlainLanguageReport(
            lang,
            JargonMatcher.For(lang).Find(text),
            longSentences,
            longWords,
            sentences.Count,
            words,
            syllables,
            Readability.Score(lang, words, sentences.Count, syllables));
    }

    /// <summary>More than 4 syllables or more than 13 letters; numbers are never long.</summary>
    private static bool IsLong(string word, int syllables)
    {
        var letters = word.Count(char.IsLetter);
        return letters > 0
            && (syllables > PlainLanguageRules.MaxWordSyllables || letters > PlainLanguageRules.MaxWordLetters);
    }
}
