using MdoBot.Domain.Feedback;
using MdoBot.Domain.Privacy;

namespace MdoBot.Domain.Tests.Privacy;

public sealed class CaseCodeGuardTests
{
    [Theory]
    [InlineData("Gezin A")]
    [InlineData("gezin b")]
    [InlineData("Familie XY")]
    [InlineData("Family B")]
    [InlineData("Casus 12")]
    [InlineData("Case C3")]
    [InlineData("2026-017")]
    [InlineData("Noord 12")]
    [InlineData("MDO-3 a")]
    public void Check_PseudonymousCode_Acceptable(string code)
    {
        var result = CaseCodeGuard.Check(code);

        Assert.Equal((true, CaseCodeFinding.None, (string?)null), (result.IsAcceptable, result.Finding, result.SuggestionKey));
    }

    [Theory]
    [InlineData("Jan Jansen")]
    [InlineData("Fatima el Amrani")]
    [InlineData("Anne-Marie de Vries")]
    [InlineData("Baby Noah")]
    [InlineData("Jan.Jansen")]
    [InlineData("Gezin Jansen")]
    [InlineData("Gezin De Boer")]
    [InlineData("Familie El Amrani")]
    public void Check_TwoCapitalisedWords_LooksLikeFullName(string code)
    {
        var result = CaseCodeGuard.Check(code);

        Assert.Equal(CaseCodeFinding.LooksLikeFullName, result.Finding);
        Assert.Equal(PrivacyTexts.CaseCodeNameKey, result.SuggestionKey);
        Assert.DoesNotContain(code, result.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456782")]
    [InlineData("Gezin 123.456.782")]
    public void Check_CodeWithCitizenServiceNumber_Refused(string code)
    {
        var result = CaseCodeGuard.Check(code);

        Assert.Equal(CaseCodeFinding.CitizenServiceNumber, result.Finding);
        Assert.Equal(PrivacyTexts.CaseCodeCitizenServiceNumberKey, result.SuggestionKey);
    }

    [Theory]
    [InlineData(PrivacyTexts.CitizenServiceNumberKey)]
    [InlineData(PrivacyTexts.BirthDateKey)]
    [InlineData(PrivacyTexts.CaseCodeNameKey)]
    [InlineData(PrivacyTexts.CaseCodeCitizenServiceNumberKey)]
    public void Text_EveryKey_DutchAndEnglishDiffer(string key)
    {
        var dutch = PrivacyTexts.Text(key, FeedbackLanguage.Dutch);
        var english = PrivacyTexts.Text(key, FeedbackLanguage.English);

        Assert.False(string.IsNullOrWhiteSpace(dutch));
        Assert.NotEqual(dutch, english);
    }

    [Fact]
    public void Text_UnknownKey_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PrivacyTexts.Text("privacy.nope", FeedbackLanguage.Dutch));
    }
}
