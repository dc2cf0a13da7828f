using MdoBot.Domain.Privacy;

namespace MdoBot.Domain.Tests.Privacy;

public sealed class CitizenServiceNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("123456782")] // 9+16+21+24+25+24+21+16−2 = 154 = 14 × 11
    [InlineData("111222333")] // 9+8+7+12+10+8+9+6−3 = 66 = 6 × 11
    [InlineData("12345672")] // 0+8+14+18+20+20+18+14−2 = 110 = 10 × 11 (leading zero added)
    [InlineData("123.456.782")]
    [InlineData("123 456 782")]
    [InlineData("123-456-782")]
    [InlineData("1234.56.782")]
    public void IsValid_PassesElfproef_True(string candidate)
    {
        Assert.True(CitizenServiceNumber.IsValid(candidate));
    }

    [Theory]
    [InlineData("123456789")] // 156 − 9 = 147, not divisible by 11
    [InlineData("12345678")] // 012345678: 104
    [InlineData("000000000")]
    [InlineData("1234567")]
    [InlineData("1234567820")]
    [InlineData("12345678x")]
    [InlineData(null)]
    public void IsValid_FailsElfproefOrLength_False(string? candidate)
    {
        Assert.False(CitizenServiceNumber.IsValid(candidate));
    }

    [Theory]
    [InlineData("Moeder (bsn 123456782) belde.", 12, 9)]
    [InlineData("BSN:123.456.782, graag bellen", 4, 11)]
    [InlineData("Nummer 123 456 782.", 7, 11)]
    [InlineData("Het oude nummer 12345672 staat in het dossier", 16, 8)]
    [InlineData("bsn\u00A0123\u00A0456\u00A0782", 4, 11)]
    public void Check_ValidNumberInText_FlaggedWithPositionOnly(string text, int position, int length)
    {
        var result = SensitiveTextGuard.Check(text, Today);

        Assert.False(result.IsSafe);
        Assert.Equal(SensitiveFinding.CitizenServiceNumber, result.Finding);
        Assert.Equal(new SensitiveMatch(SensitiveFinding.CitizenServiceNumber, position, length), Assert.Single(result.Matches));
        Assert.Equal(PrivacyTexts.CitizenServiceNumberKey, result.MessageKey);
    }

    [Theory]
    [InlineData("Bel 123456789 na vijven.")]
    [InlineData("Bel 123 456 789 na vijven.")]
    [InlineData("Mobiel 06-12345672")] // 12345672 alone would pass; it is part of a phone number
    [InlineData("Mobiel +31 6 12345672")]
    [InlineData("Mobiel 0612345672")]
    [InlineData("Vast 020 123 4567")]
    [InlineData("Rekening NL91ABNA0417164300")]
    [InlineData("Kenmerk 1234567820")]
    [InlineData("Er waren 3 kinderen en 2 ouders.")]
    public void Check_PhoneAndOtherNumbers_NotFlagged(string text)
    {
        Assert.True(SensitiveTextGuard.Check(text, Today).IsSafe);
    }
}
