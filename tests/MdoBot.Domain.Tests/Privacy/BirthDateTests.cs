using MdoBot.Domain.Privacy;

namespace MdoBot.Domain.Tests.Privacy;

public sealed class BirthDateTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("Baby geboren op 12-03-2019.")]
    [InlineData("Zoon (12/03/2019) gaat naar school.")]
    [InlineData("Dochter, 1.2.2024, slaapt slecht.")]
    [InlineData("Datum 2019-03-12 in het dossier.")]
    [InlineData("Hij is van 12 maart 2019.")]
    [InlineData("Zij is van 3 jan 2020.")]
    [InlineData("Zij is van 3 Jan. 2020.")]
    [InlineData("Born March 12, 2019 in Utrecht.")]
    [InlineData("Born on the 12th March 2019.")]
    [InlineData("Vandaag, 23-11-2026, is de baby er.")]
    [InlineData("Zoon is 12-03-19 jarig.")]
    public void Check_FullPastDate_FlaggedAsBirthDate(string text)
    {
        var result = SensitiveTextGuard.Check(text, Today);

        Assert.Equal(SensitiveFinding.BirthDate, result.Finding);
        Assert.Equal(PrivacyTexts.BirthDateKey, result.MessageKey);
        Assert.Single(result.Matches);
    }

    [Theory]
    [InlineData("Huisbezoek vóór 1-12-2026.")]
    [InlineData("Evaluatie op 2027-01-10.")]
    [InlineData("Terugkoppeling uiterlijk 5 december 2026.")]
    [InlineData("Om 12.30 uur bellen.")]
    [InlineData("Datum 31-02-2019 klopt niet.")]
    [InlineData("Datum 12-13-2019 klopt niet.")]
    [InlineData("In 12-03-1850 was dat anders.")]
    [InlineData("Ze is 8 maanden oud.")]
    public void Check_FutureDueDateOrNoFullValidDate_NotFlagged(string text)
    {
        Assert.True(SensitiveTextGuard.Check(text, Today).IsSafe);
    }

    [Theory]
    [InlineData("Uitgerekend op 3 maart 2027.")]
    [InlineData("Baby wordt geboren rond 2027-03-03.")]
    [InlineData("Expected birth: 03/03/2027")]
    public void Check_FutureDateNextToBirthWord_Flagged(string text)
    {
        Assert.Equal(SensitiveFinding.BirthDate, SensitiveTextGuard.Check(text, Today).Finding);
    }

    [Fact]
    public void Check_DateAndNumber_BothInTextOrderAndNumberIsTheFinding()
    {
        const string text = "Geb. 12-03-2019, bsn 123456782";

        var result = SensitiveTextGuard.Check(text, Today);

        Assert.Equal(
            [new(SensitiveFinding.BirthDate, 5, 10), new SensitiveMatch(SensitiveFinding.CitizenServiceNumber, 21, 9)],
            result.Matches);
        Assert.Equal(SensitiveFinding.CitizenServiceNumber, result.Finding);
    }

    [Fact]
    public void Check_Result_NeverHoldsTheMatchedText()
    {
        var result = SensitiveTextGuard.Check("Geboren 12 maart 2019, bsn 123456782", Today);

        var shown = $"{result} {string.Join(' ', result.Matches)} {result.MessageKey}";
        Assert.DoesNotContain("2019", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("maart", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("123456782", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Gezin wil meer rust in huis.")]
    public void Check_NoSensitiveText_Safe(string? text)
    {
        var result = SensitiveTextGuard.Check(text, Today);

        Assert.Equal((true, SensitiveFinding.None, (string?)null), (result.IsSafe, result.Finding, result.MessageKey));
    }
}
