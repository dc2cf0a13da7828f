using MdoBot.Domain.Privacy;
using Xunit.Abstractions;
using static MdoBot.Domain.Tests.Privacy.SensitiveCorpus;

namespace MdoBot.Domain.Tests.Privacy;

/// <summary>Detection and false-positive rates of the sensitive-data guard on the written corpus.</summary>
public sealed class SensitiveCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Corpus_DetectionAtLeast95Percent_NoFalsePositives()
    {
        var missedNumbers = CitizenServiceNumbers.Where(t => SensitiveTextGuard.Check(t, Today).Finding != SensitiveFinding.CitizenServiceNumber).ToList();
        var missedDates = BirthDates.Where(t => SensitiveTextGuard.Check(t, Today).IsSafe).ToList();
        var falsePositives = Ordinary.Where(t => !SensitiveTextGuard.Check(t, Today).IsSafe).ToList();
        var positives = CitizenServiceNumbers.Count + BirthDates.Count;
        var detection = (double)(positives - missedNumbers.Count - missedDates.Count) / positives;
        var falseRate = (double)falsePositives.Count / Ordinary.Count;

        output.WriteLine($"BSN detected {CitizenServiceNumbers.Count - missedNumbers.Count}/{CitizenServiceNumbers.Count}, "
            + $"birth dates detected {BirthDates.Count - missedDates.Count}/{BirthDates.Count}, detection {detection:P1}; "
            + $"false positives {falsePositives.Count}/{Ordinary.Count} ({falseRate:P1})");
        Assert.True(detection >= 0.95, "Missed: " + string.Join(" | ", missedNumbers.Concat(missedDates)));
        Assert.True(falsePositives.Count == 0, "False positives: " + string.Join(" | ", falsePositives));
    }

    [Theory]
    [InlineData("11 12 22 333")]
    [InlineData("123/456/782")]
    [InlineData("1234.56.782")]
    [InlineData("123 456 782")]
    public void Check_OtherGroupings_FoundAsCitizenServiceNumber(string number) =>
        Assert.Equal(SensitiveFinding.CitizenServiceNumber, SensitiveTextGuard.Check($"BSN {number} bekend", Today).Finding);

    [Theory]
    [InlineData("Geboren 12-03-15.")]
    [InlineData("Zoon 12032015.")]
    [InlineData("Kind d.d. 3-4-'15")]
    public void Check_TwoDigitYearOrNoSeparators_FoundAsBirthDate(string text) =>
        Assert.Equal(SensitiveFinding.BirthDate, SensitiveTextGuard.Check(text, Today).Finding);
}
