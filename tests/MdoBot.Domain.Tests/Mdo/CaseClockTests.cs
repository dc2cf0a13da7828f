using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class CaseClockTests
{
    [Fact]
    public void CurrentClock_TwentyMinuteBox_WarnsFiveMinutesBeforeEnd()
    {
        var clock = Given.RunningMdo().CurrentClock()!;

        Assert.Equal(("c1", Given.T0), (clock.CaseId, clock.StartedAt));
        Assert.Equal(TimeSpan.FromMinutes(20), clock.TimeBox);
        Assert.Equal(Given.At(20), clock.EndsAt);
        Assert.Equal(Given.At(15), clock.WarningAt);
    }

    [Fact]
    public void CurrentClock_AroundWarningAndEnd_StatesChangeAtExactTimes()
    {
        var clock = Given.RunningMdo().CurrentClock()!;

        Assert.False(clock.IsWarning(Given.At(14, 59)));
        Assert.True(clock.IsWarning(Given.At(15)));
        Assert.False(clock.IsOver(Given.At(19, 59)));
        Assert.True(clock.IsOver(Given.At(20)));
        Assert.False(clock.IsWarning(Given.At(20)));
    }

    [Fact]
    public void CurrentClock_MidCase_ElapsedRemainingAndWholeMinutes()
    {
        var clock = Given.RunningMdo().CurrentClock()!;
        var now = Given.At(12, 40);

        Assert.Equal(TimeSpan.FromSeconds(760), clock.Elapsed(now));
        Assert.Equal(TimeSpan.FromSeconds(440), clock.Remaining(now));
        Assert.Equal(TimeSpan.Zero, clock.Overrun(now));
        Assert.Equal(new ClockMinutes(12, 20), clock.Minutes(now));
    }

    [Fact]
    public void CurrentClock_PastEnd_RemainingZeroAndOverrun()
    {
        var clock = Given.RunningMdo().CurrentClock()!;

        Assert.Equal(TimeSpan.Zero, clock.Remaining(Given.At(23)));
        Assert.Equal(TimeSpan.FromMinutes(3), clock.Overrun(Given.At(23)));
        Assert.Equal(new ClockMinutes(23, 20), clock.Minutes(Given.At(23, 30)));
    }

    [Fact]
    public void CurrentClock_NowBeforeStart_ElapsedZero()
    {
        var clock = Given.RunningMdo().CurrentClock()!;

        Assert.Equal(TimeSpan.Zero, clock.Elapsed(Given.At(-1)));
    }

    [Fact]
    public void CurrentClock_AfterExtend_EndAndWarningMove()
    {
        var mdo = Given.RunningMdo();
        mdo.Extend(Given.Chair, 10, Given.At(16), "c1");

        var clock = mdo.CurrentClock()!;

        Assert.Equal((Given.At(30), Given.At(25), 30), (clock.EndsAt, clock.WarningAt, clock.PlannedMinutes));
    }

    [Theory]
    [InlineData(5, 5, 150)]
    [InlineData(6, 10, 180)]
    [InlineData(6, 5, 60)]
    public void CurrentClock_TimeBoxNotLongerThanLead_WarnsAtHalfTime(int timeBoxMinutes, int leadMinutes, int warningAfterSeconds)
    {
        var mdo = Given.PlannedMdo(cases: 1, timeBox: timeBoxMinutes);
        mdo.Start(Given.Chair, Given.T0);

        var clock = mdo.CurrentClock(TimeSpan.FromMinutes(leadMinutes))!;

        Assert.Equal(Given.T0.AddSeconds(warningAfterSeconds), clock.WarningAt);
    }

    [Fact]
    public void CaseClock_UsedBefore_CountsTowardsElapsedAndEnd()
    {
        var clock = new CaseClock("c1", Given.T0, TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(5));

        Assert.Equal(Given.At(12), clock.EndsAt);
        Assert.Equal(Given.At(7), clock.WarningAt);
        Assert.Equal(new ClockMinutes(10, 20), clock.Minutes(Given.At(2)));
    }

    [Fact]
    public void CurrentClock_SecondCase_StartsAtNext()
    {
        var mdo = Given.RunningMdo();
        mdo.NextCase(Given.Chair, Given.At(22, 30), "c1");

        var clock = mdo.CurrentClock()!;

        Assert.Equal(("c2", Given.At(42, 30)), (clock.CaseId, clock.EndsAt));
    }
}
