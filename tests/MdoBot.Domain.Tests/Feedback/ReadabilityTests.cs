using MdoBot.Domain.Feedback;

namespace MdoBot.Domain.Tests.Feedback;

/// <summary>Flesch–Douma = 206.835 − 0.93 × words/sentences − 77 × syllables/words, counted by hand.</summary>
public sealed class ReadabilityTests
{
    [Fact]
    public void Analyze_DutchShortSentence_FleschDoumaByHand()
    {
        // De(1) kat(1) zit(1) op(1) de(1) mat(1): 6 words, 6 syllables, 1 sentence.
        // 206.835 − 0.93 × 6 − 77 × 6/6 = 206.835 − 5.58 − 77 = 124.255
        var report = PlainLanguageCheck.Analyze("De kat zit op de mat.", FeedbackLanguage.Dutch);

        Assert.Equal((1, 6, 6), (report.SentenceCount, report.WordCount, report.SyllableCount));
        Assert.Equal(124.255, report.Readability.Score, 3);
        Assert.Equal("zeer makkelijk", report.Readability.Label);
    }

    [Fact]
    public void Analyze_DutchTwoSentences_FleschDoumaByHand()
    {
        // Wij(1) gaan(1) sa-men(2) een(1) plan(1) ma-ken(2) = 6 words, 8 syllables
        // Uw(1) kind(1) krijgt(1) hulp(1) bij(1) het(1) sla-pen(2) = 7 words, 8 syllables
        // 13 words, 16 syllables, 2 sentences:
        // 206.835 − 0.93 × 13/2 − 77 × 16/13 = 206.835 − 6.045 − 94.769 = 106.021
        var report = PlainLanguageCheck.Analyze("Wij gaan samen een plan maken. Uw kind krijgt hulp bij het slapen.", FeedbackLanguage.Dutch);

        Assert.Equal((2, 13, 16), (report.SentenceCount, report.WordCount, report.SyllableCount));
        Assert.Equal(106.021, report.Readability.Score, 3);
        Assert.True(report.IsPlain);
    }

    [Fact]
    public void Analyze_DutchJargonSentence_FleschDoumaByHandVeryDifficult()
    {
        // De(1) ca-su-ïs-tiek(4) wordt(1) mul-ti-dis-ci-pli-nair(6) be-spro-ken(3) in(1) de(1) twee-de(2) lijn(1)
        // 9 words, 20 syllables, 1 sentence:
        // 206.835 − 0.93 × 9 − 77 × 20/9 = 206.835 − 8.37 − 171.111 = 27.354
        var report = PlainLanguageCheck.Analyze(
            "De casuïstiek wordt multidisciplinair besproken in de tweede lijn.", FeedbackLanguage.Dutch);

        Assert.Equal((1, 9, 20), (report.SentenceCount, report.WordCount, report.SyllableCount));
        Assert.Equal(27.354, report.Readability.Score, 3);
        Assert.Equal((ReadabilityLevel.VeryDifficult, "zeer moeilijk"), (report.Readability.Level, report.Readability.Label));
        Assert.False(report.IsPlain);
    }

    [Fact]
    public void Analyze_DutchLinesAndQuestion_FleschDoumaByHand()
    {
        // "Wie doet wat" (heading line): Wie(1) doet(1) wat(1) = 3 words, 3 syllables
        // "Heeft u vra-gen?": Heeft(1) u(1) vra-gen(2) = 3 words, 4 syllables
        // "Bel ons ge-rust.": Bel(1) ons(1) ge-rust(2) = 3 words, 4 syllables
        // 9 words, 11 syllables, 3 sentences:
        // 206.835 − 0.93 × 9/3 − 77 × 11/9 = 206.835 − 2.79 − 94.111 = 109.934
        var report = PlainLanguageCheck.Analyze("Wie doet wat\nHeeft u vragen? Bel ons gerust.", FeedbackLanguage.Dutch);

        Assert.Equal((3, 9, 11), (report.SentenceCount, report.WordCount, report.SyllableCount));
        Assert.Equal(109.934, report.Readability.Score, 3);
    }

    [Fact]
    public void Analyze_EnglishSimpleSentence_FleschReadingEase()
    {
        // The cat sat on the mat: 6 words, 6 syllables, 1 sentence.
        // 206.835 − 1.015 × 6 − 84.6 × 6/6 = 206.835 − 6.09 − 84.6 = 116.145
        var report = PlainLanguageCheck.Analyze("The cat sat on the mat.", FeedbackLanguage.English);

        Assert.Equal(116.145, report.Readability.Score, 3);
        Assert.Equal("very easy", report.Readability.Label);
    }

    [Fact]
    public void Analyze_EnglishHardSentence_LowerThanSimpleSentence()
    {
        var hard = PlainLanguageCheck.Analyze(
            "Multidisciplinary consultation facilitates comprehensive identification of developmental vulnerabilities.",
            FeedbackLanguage.English);

        Assert.True(hard.Readability.Score < 0);
        Assert.Equal(ReadabilityLevel.VeryDifficult, hard.Readability.Level);
    }

    [Theory]
    [InlineData(95, ReadabilityLevel.VeryEasy)]
    [InlineData(80, ReadabilityLevel.Easy)]
    [InlineData(75.5, ReadabilityLevel.FairlyEasy)]
    [InlineData(60, ReadabilityLevel.Standard)]
    [InlineData(59.9, ReadabilityLevel.FairlyDifficult)]
    [InlineData(30, ReadabilityLevel.Difficult)]
    [InlineData(-12, ReadabilityLevel.VeryDifficult)]
    public void LevelOf_Score_FleschBand(double score, ReadabilityLevel level)
    {
        Assert.Equal(level, Readability.LevelOf(score));
    }

    [Fact]
    public void Analyze_EmptyText_NoWordsScores100AndIsPlain()
    {
        var report = PlainLanguageCheck.Analyze("  \n ", FeedbackLanguage.Dutch);

        Assert.Equal((0, 0, 100.0), (report.WordCount, report.SentenceCount, report.Readability.Score));
        Assert.True(report.IsPlain);
    }
}
