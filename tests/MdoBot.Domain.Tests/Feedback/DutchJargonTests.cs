using MdoBot.Domain.Feedback;

namespace MdoBot.Domain.Tests.Feedback;

public sealed class DutchJargonTests
{
    [Fact]
    public void Analyze_DutchLetterWithCareJargon_FindsEveryTermInDutch()
    {
        const string letter = "In het multidisciplinair overleg is de indicatie besproken met de ketenpartners, vanwege de psychosociale problematiek.";

        var hits = PlainLanguageCheck.Analyze(letter, FeedbackLanguage.Dutch).JargonHits.Select(h => h.Term).ToList();

        Assert.Equal(["multidisciplinair overleg", "indicatie", "ketenpartners", "psychosociale problematiek"], hits);
    }

    [Fact]
    public void Analyze_SameDutchLetterWithEnglishRules_MissesThem()
    {
        var hits = PlainLanguageCheck.Analyze("De indicatie en de ketenpartners.", FeedbackLanguage.English).JargonHits;

        Assert.Empty(hits); // why the check must run in the letter's language
    }
}
