using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class FitCheckTests
{
    [Fact]
    public void FitCheck_NoScheduleNoLength_UnknownAndFits()
    {
        var mdo = Given.PlannedMdo(cases: 5);

        Assert.Equal(new FitCheck(100, null, true, 0), mdo.FitCheck());
    }

    [Fact]
    public void FitCheck_ScheduleLongEnough_Fits()
    {
        var mdo = Given.PlannedMdo(cases: 3, start: Given.At(0), end: Given.At(60));

        Assert.Equal(new FitCheck(60, 60, true, 0), mdo.FitCheck());
    }

    [Fact]
    public void FitCheck_MorePlannedThanScheduled_DoesNotFitWithOverBy()
    {
        var mdo = Given.PlannedMdo(cases: 4, start: Given.At(0), end: Given.At(60));

        Assert.Equal(new FitCheck(80, 60, false, 20), mdo.FitCheck());
    }

    [Fact]
    public void FitCheck_MeetingLengthSet_WinsOverSchedule()
    {
        var mdo = Given.PlannedMdo(cases: 4, start: Given.At(0), end: Given.At(60));

        mdo.SetMeetingLength(Given.Chair, 90);

        Assert.Equal(new FitCheck(80, 90, true, 0), mdo.FitCheck());
    }

    [Fact]
    public void FitCheck_Extensions_CountAsPlannedTime()
    {
        var mdo = Given.PlannedMdo(cases: 3);
        mdo.SetMeetingLength(Given.Chair, 60);
        mdo.Start(Given.Chair, Given.T0);

        mdo.Extend(Given.Chair, 5, Given.At(18), "c1");

        Assert.Equal(new FitCheck(65, 60, false, 5), mdo.FitCheck());
    }

    [Fact]
    public void FitCheck_NoCases_ZeroPlanned()
    {
        var mdo = Given.PlannedMdo(cases: 0);

        Assert.Equal(0, mdo.FitCheck().PlannedMinutes);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(481)]
    public void SetMeetingLength_OutOfRange_InvalidInput(int minutes)
    {
        var mdo = Given.PlannedMdo();

        Given.RefusedUnchanged(mdo, MdoError.InvalidInput, () => mdo.SetMeetingLength(Given.Chair, minutes));
    }

    [Theory]
    [InlineData(15)]
    [InlineData(480)]
    public void SetMeetingLength_AtBounds_Set(int minutes)
    {
        var mdo = Given.PlannedMdo();

        mdo.SetMeetingLength(Given.Chair, minutes);

        Assert.Equal(minutes, mdo.FitCheck().MeetingMinutes);
    }
}
