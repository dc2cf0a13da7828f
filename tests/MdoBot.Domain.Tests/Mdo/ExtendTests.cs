using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class ExtendTests
{
    [Fact]
    public void Extend_Running_AddsToCurrentCaseOnlyAndSums()
    {
        var mdo = Given.RunningMdo();

        mdo.Extend(Given.Chair, 5, Given.At(16), "c1");
        mdo.Extend(Given.Chair, 3, Given.At(21), "c1");

        Assert.Equal([8, 0, 0], mdo.Cases.Select(c => c.ExtensionMinutes));
        Assert.Equal(28, mdo.CurrentCase!.PlannedMinutes);
        Assert.Equal(Given.At(28), mdo.CurrentClock()!.EndsAt);
    }

    [Fact]
    public void Extend_AfterNextCase_AddsToNewCurrentCase()
    {
        var mdo = Given.RunningMdo();
        mdo.NextCase(Given.Chair, Given.At(20), "c1");

        mdo.Extend(Given.Chair, 10, Given.At(30), "c2");

        Assert.Equal([0, 10, 0], mdo.Cases.Select(c => c.ExtensionMinutes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(-5)]
    public void Extend_MinutesOutOfRange_InvalidInput(int minutes)
    {
        var mdo = Given.RunningMdo();

        var ex = Given.RefusedUnchanged(mdo, MdoError.InvalidInput, () => mdo.Extend(Given.Chair, minutes, Given.At(10), "c1"));
        Assert.Equal("minutes", ex.Field);
    }

    [Fact]
    public void Extend_CardForPreviousCase_StaleAgenda()
    {
        var mdo = Given.RunningMdo();
        mdo.NextCase(Given.Chair, Given.At(20), "c1");

        Given.RefusedUnchanged(mdo, MdoError.StaleAgenda, () => mdo.Extend(Given.Chair, 5, Given.At(21), "c1"));
    }

    [Fact]
    public void Extend_NoCurrentCase_InvalidState()
    {
        var mdo = Given.RunningMdo(cases: 1);
        mdo.NextCase(Given.Chair, Given.At(20), "c1");

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.Extend(Given.Chair, 5, Given.At(21), null));
    }

    [Fact]
    public void Extend_NotStarted_InvalidState()
    {
        var mdo = Given.PlannedMdo();

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.Extend(Given.Chair, 5, Given.T0, null));
    }
}
