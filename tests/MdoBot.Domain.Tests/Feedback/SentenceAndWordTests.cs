using MdoBot.Domain.Feedback;

namespace MdoBot.Domain.Tests.Feedback;

public sealed class SentenceAndWordTests
{
    private const string TwentyWords =
        "Wij gaan met de verloskundige en de huisarts samen kijken hoe we u en uw baby goed kunnen helpen thuis";

    [Fact]
    public void Analyze_SentenceOf21Words_LongSentenceWithIndexAndCount()
    {
        var text = $"Dag. {TwentyWords} vandaag.";

        var report = PlainLanguageCheck.Analyze(text, FeedbackLanguage.Dutch);

        Assert.Equal(new LongSentence(1, 5, 21), Assert.Single(report.LongSentences));
        Assert.False(report.IsPlain);
    }

    [Fact]
    public void Analyze_SentenceOf20Words_NotLong()
    {
        var report = PlainLanguageCheck.Analyze($"{TwentyWords}.", FeedbackLanguage.Dutch);

        Assert.Equal(20, report.WordCount);
        Assert.Empty(report.LongSentences);
    }

    [Fact]
    public void Analyze_AbbreviationAndDecimal_DoNotEndSentence()
    {
        var report = PlainLanguageCheck.Analyze("We kijken bijv. naar 1.5 uur slaap o.a. in de nacht. Dat is fijn!", FeedbackLanguage.Dutch);

        Assert.Equal(2, report.SentenceCount);
    }

    [Fact]
    public void Analyze_LineBreaks_EndSentences()
    {
        var report = PlainLanguageCheck.Analyze("Wie doet wat\n\nBram belt u\r\nCato komt langs", FeedbackLanguage.Dutch);

        Assert.Equal((3, 9), (report.SentenceCount, report.WordCount));
    }

    [Fact]
    public void Analyze_LongWords_MoreThan4SyllablesOr13Letters()
    {
        // ondertoezichtstelling: 21 letters; gezinsondersteuning: 6 syllables; kinderopvang: 12 letters, 4 syllables.
        var report = PlainLanguageCheck.Analyze("De ondertoezichtstelling en gezinsondersteuning of kinderopvang.", FeedbackLanguage.Dutch);

        Assert.Equal(["ondertoezichtstelling", "gezinsondersteuning"], report.LongWords.Select(w => w.Word));
        Assert.Equal((3, 6), (report.LongWords[0].Position, report.LongWords[1].Syllables));
    }

    [Fact]
    public void Analyze_NumbersAndApostrophes_OneWordEach()
    {
        var report = PlainLanguageCheck.Analyze("De baby's slapen 12 uur.", FeedbackLanguage.Dutch);

        Assert.Equal((5, 7), (report.WordCount, report.SyllableCount));
        Assert.Empty(report.LongWords);
    }
}
