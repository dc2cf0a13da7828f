using MdoBot.Domain.Feedback;

namespace MdoBot.Domain.Tests.Feedback;

public sealed class SyllableCounterTests
{
    [Theory]
    [InlineData("kind", 1)]
    [InlineData("de", 1)]
    [InlineData("ouders", 2)]
    [InlineData("gezin", 2)]
    [InlineData("grote", 2)]
    [InlineData("moeilijk", 2)]
    [InlineData("mooi", 1)]
    [InlineData("eeuw", 1)]
    [InlineData("nieuwe", 2)]
    [InlineData("groeien", 2)]
    [InlineData("ideaal", 3)]
    [InlineData("theater", 3)]
    [InlineData("bijeenkomst", 3)]
    [InlineData("ruïne", 3)]
    [InlineData("geëist", 2)]
    [InlineData("casuïstiek", 4)]
    [InlineData("coördinatie", 5)]
    [InlineData("situatie", 4)]
    [InlineData("multidisciplinair", 6)]
    [InlineData("hulpverleningstraject", 6)]
    [InlineData("baby", 2)]
    [InlineData("yoga", 2)]
    [InlineData("Zwangerschap", 3)]
    [InlineData("vóór", 1)]
    [InlineData("café", 2)]
    [InlineData("POH-GGZ", 1)]
    [InlineData("12", 1)]
    public void Dutch_Word_VowelUnitCount(string word, int syllables)
    {
        Assert.Equal(syllables, SyllableCounter.Dutch(word));
    }

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("make", 1)]
    [InlineData("makes", 1)]
    [InlineData("table", 2)]
    [InlineData("wanted", 2)]
    [InlineData("asked", 1)]
    [InlineData("houses", 2)]
    [InlineData("family", 3)]
    [InlineData("questions", 2)]
    [InlineData("your", 1)]
    [InlineData("yellow", 2)]
    [InlineData("everyone", 3)]
    [InlineData("Contact", 2)]
    public void English_Word_HeuristicCount(string word, int syllables)
    {
        Assert.Equal(syllables, SyllableCounter.English(word));
    }
}
