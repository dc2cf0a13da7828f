using MdoBot.Domain.Evaluation;

namespace MdoBot.Domain.Tests.Evaluation;

public sealed class EvaluationTrendTests
{
    [Fact]
    public void For_TwelveMdosInRandomOrder_LastTenOldestFirst()
    {
        var meetings = Enumerable.Range(1, 12)
            .OrderBy(i => i * 5 % 12)
            .Select(i => ($"mdo-{i}", EvaluationGiven.T0.AddDays(42 * i), EvaluationGiven.SetScoring($"mdo-{i}", (i % 5) + 1)))
            .ToList();

        var trend = EvaluationTrend.For(meetings);

        Assert.Equal(Enumerable.Range(3, 10).Select(i => $"mdo-{i}"), trend.Select(p => p.MdoId));
        Assert.Equal(EvaluationGiven.T0.AddDays(42 * 3), trend[0].HeldAt);
        Assert.Equal(4.0, trend[0].Averages[EvaluationQuestion.KeptToTime]);
        Assert.All(trend, p => Assert.Equal(1, p.Count));
    }

    [Fact]
    public void For_LastThree_OnlyTheThreeMostRecent()
    {
        var meetings = Enumerable.Range(1, 5)
            .Select(i => ($"mdo-{i}", EvaluationGiven.T0.AddDays(i), EvaluationGiven.SetScoring($"mdo-{i}", i)));

        var trend = EvaluationTrend.For(meetings, last: 3);

        Assert.Equal(["mdo-3", "mdo-4", "mdo-5"], trend.Select(p => p.MdoId));
    }

    [Fact]
    public void For_MdoWithoutAnswers_KeptWithCountZero()
    {
        var meetings = new[]
        {
            ("mdo-1", EvaluationGiven.T0, EvaluationGiven.SetScoring("mdo-1", 4)),
            ("mdo-2", EvaluationGiven.T0.AddDays(42), new EvaluationSet("mdo-2")),
        };

        var trend = EvaluationTrend.For(meetings);

        Assert.Equal((0, 0), (trend[1].Count, trend[1].Averages.Count));
    }

    [Fact]
    public void For_EntryWithOtherMdosSet_Throws()
    {
        var meetings = new[] { ("mdo-1", EvaluationGiven.T0, EvaluationGiven.SetScoring("mdo-9", 4)) };

        Assert.Throws<ArgumentException>(() => EvaluationTrend.For(meetings));
    }

    [Fact]
    public void For_LastZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationTrend.For([], last: 0));
    }
}
