using MdoBot.Domain.Feedback;

namespace MdoBot.Domain.Tests.Feedback;

public sealed class FeedbackTemplatePlainTests
{
    [Theory]
    [InlineData(FeedbackLanguage.Dutch, true)]
    [InlineData(FeedbackLanguage.Dutch, false)]
    [InlineData(FeedbackLanguage.English, true)]
    [InlineData(FeedbackLanguage.English, false)]
    public void Generate_TemplateText_NoJargonNoLongSentencesAndPlain(FeedbackLanguage language, bool recorded)
    {
        var fields = recorded ? new CaseFields() : new CaseFields(null, null, null, null, false, false, false);
        var (mdo, c) = FeedbackCases.Build(fields);

        var draft = FeedbackDraftGenerator.Generate(mdo, c, language, "Sanne", null);
        var report = PlainLanguageCheck.Analyze(draft.Text, language);

        Assert.Empty(report.JargonHits);
        Assert.Empty(report.LongSentences);
        Assert.True(report.IsPlain, $"score {report.Readability.Score}");
    }

    [Fact]
    public void Generate_RecordedTextWithJargon_CheckFindsItForTheCaseLead()
    {
        var (mdo, c) = FeedbackCases.Build(new CaseFields(Need: "Een indicatie voor de GGZ"));

        var draft = FeedbackDraftGenerator.Generate(mdo, c, FeedbackLanguage.Dutch, "Sanne", null);

        Assert.Equal(["indicatie", "GGZ"], PlainLanguageCheck.Analyze(draft.Text, FeedbackLanguage.Dutch).JargonHits.Select(h => h.Term));
    }
}
