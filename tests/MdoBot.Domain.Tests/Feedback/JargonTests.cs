using MdoBot.Domain.Feedback;

namespace MdoBot.Domain.Tests.Feedback;

public sealed class JargonTests
{
    [Fact]
    public void Analyze_SingleWordTerm_HitWithPlainAlternativeAndPosition()
    {
        var report = PlainLanguageCheck.Analyze("De regiehouder belt u.", FeedbackLanguage.Dutch);

        var hit = Assert.Single(report.JargonHits);
        Assert.Equal(new JargonHit("regiehouder", "uw vaste contactpersoon", 3, 11), hit);
    }

    [Theory]
    [InlineData("U gaat naar de tweede lijn.", "tweede lijn")]
    [InlineData("U gaat naar de Tweede  Lijn.", "tweede lijn")]
    [InlineData("Dit valt onder beschermd\twonen.", "beschermd wonen")]
    [InlineData("We bellen Veilig Thuis.", "Veilig Thuis")]
    public void Analyze_MultiWordTerm_MatchesAcrossWhitespaceAndCase(string text, string term)
    {
        var report = PlainLanguageCheck.Analyze(text, FeedbackLanguage.Dutch);

        Assert.Equal(term, Assert.Single(report.JargonHits).Term);
    }

    [Fact]
    public void Analyze_Abbreviations_EachWholeWordIsAHit()
    {
        var report = PlainLanguageCheck.Analyze("Het CJG, de JGZ en de GGZ-instelling. De ggd belt.", FeedbackLanguage.Dutch);

        Assert.Equal(["CJG", "JGZ", "GGZ", "GGD"], report.JargonHits.Select(h => h.Term));
    }

    [Fact]
    public void Analyze_PohGgz_OneHitForTheLongerTerm()
    {
        var report = PlainLanguageCheck.Analyze("De POH-GGZ helpt u.", FeedbackLanguage.Dutch);

        var hit = Assert.Single(report.JargonHits);
        Assert.Equal(("POH-GGZ", 3, 7), (hit.Term, hit.Position, hit.Length));
    }

    [Theory]
    [InlineData("Hij is trots op zijn dochter.")]
    [InlineData("Het wachtwoord is xcjgy.")]
    [InlineData("We kijken naar de casusbespreking.")]
    [InlineData("Het kind is veilig thuis.")]
    [InlineData("De ambulance kwam snel.")]
    [InlineData("Ze gaat naar de opvang.")]
    public void Analyze_TermInsideOtherWordOrOrdinaryPhrase_NoHit(string text)
    {
        var report = PlainLanguageCheck.Analyze(text, FeedbackLanguage.Dutch);

        Assert.Empty(report.JargonHits);
    }

    [Fact]
    public void Analyze_EnglishText_EnglishListWithDutchAbbreviations()
    {
        var report = PlainLanguageCheck.Analyze("The case lead will refer you to the JGZ. Please save the date.", FeedbackLanguage.English);

        Assert.Equal(["case lead", "refer", "JGZ"], report.JargonHits.Select(h => h.Term));
    }

    [Fact]
    public void CareJargonDutch_BuiltInList_AtLeast30EntriesWithRequiredTerms()
    {
        string[] required =
        [
            "tweede lijn", "eerste lijn", "casuïstiek", "casus", "indicatie", "regiehouder", "JGZ", "CJG",
            "Veilig Thuis", "SKJ", "MDO", "multidisciplinair", "ketenpartners", "zorgtraject", "interventie",
            "signalering", "hulpverleningstraject", "perinataal", "prenataal", "escalatie", "opschalen",
            "afschalen", "doorverwijzen", "verwijsindex", "beschermd wonen", "OTS", "ondertoezichtstelling",
            "SAVE", "AMHK", "POH-GGZ", "GGZ", "GGD",
        ];

        Assert.True(CareJargon.Dutch.Count >= 30);
        Assert.All(required, term => Assert.Contains(CareJargon.Dutch, t => t.Term == term));
        Assert.All(CareJargon.Dutch, t => Assert.False(string.IsNullOrWhiteSpace(t.PlainAlternative)));
    }

    [Theory]
    [InlineData(FeedbackLanguage.Dutch)]
    [InlineData(FeedbackLanguage.English)]
    public void CareJargon_PlainAlternatives_ContainNoJargon(FeedbackLanguage language)
    {
        var matcher = JargonMatcher.For(language);

        Assert.All(CareJargon.For(language), t => Assert.Empty(matcher.Find(t.PlainAlternative)));
    }

    [Fact]
    public void CareJargon_EveryTerm_MatchesItself()
    {
        Assert.All(CareJargon.Dutch, t => Assert.Equal(t.Term, Assert.Single(JargonMatcher.For(FeedbackLanguage.Dutch).Find(t.Term)).Term));
    }

    [Fact]
    public void JargonMatcher_CustomList_UsedInsteadOfBuiltIn()
    {
        var matcher = new JargonMatcher([new JargonTerm("intake", "kennismaking")]);

        Assert.Equal(9, Assert.Single(matcher.Find("Eerst de intake.")).Position);
    }
}
