using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class CloseTests
{
    [Fact]
    public void Close_Running_StopsCurrentClockAndRecordsUsedTime()
    {
        var mdo = Given.RunningMdo();
        mdo.NextCase(Given.Chair, Given.At(21, 10), "c1");
        var version = mdo.AgendaVersion;

        mdo.Close(Given.Chair, Given.At(40, 5));

        Assert.Equal((MdoState.Closed, Given.At(40, 5)), (mdo.State, mdo.ClosedAt!.Value));
        Assert.Null(mdo.CurrentCaseId);
        Assert.Null(mdo.CurrentClock());
        Assert.Equal(
            [(CaseStatus.Done, 1270), (CaseStatus.Done, 1135), (CaseStatus.Planned, 0)],
            mdo.Cases.Select(c => (c.Status, c.UsedSeconds)));
        Assert.Equal(Given.At(40, 5), mdo.FindCase("c2")!.EndedAt);
        Assert.Equal(version + 1, mdo.AgendaVersion);
    }

    [Fact]
    public void Close_Planned_ClosedWithoutTimes()
    {
        var mdo = Given.PlannedMdo();

        mdo.Close(Given.Chair, Given.T0);

        Assert.Equal(MdoState.Closed, mdo.State);
        Assert.All(mdo.Cases, c => Assert.Equal((CaseStatus.Planned, 0), (c.Status, c.UsedSeconds)));
    }

    [Fact]
    public void Close_AlreadyClosed_Closed()
    {
        var mdo = Given.RunningMdo();
        mdo.Close(Given.Chair, Given.At(30));

        Given.RefusedUnchanged(mdo, MdoError.Closed, () => mdo.Close(Given.Chair, Given.At(31)));
    }

    [Fact]
    public void CloseBySystem_Running_ClosesAndRecordsTime()
    {
        var mdo = Given.RunningMdo();

        Assert.True(mdo.CloseBySystem(Given.At(7, 7)));

        Assert.Equal(MdoState.Closed, mdo.State);
        Assert.Equal(427, mdo.FindCase("c1")!.UsedSeconds);
    }

    [Fact]
    public void CloseBySystem_AlreadyClosed_ReturnsFalseAndNothingChanged()
    {
        var mdo = Given.RunningMdo();
        mdo.Close(Given.Chair, Given.At(30));
        var before = Given.Snapshot(mdo);

        Assert.False(mdo.CloseBySystem(Given.At(60)));

        Assert.Equal(before, Given.Snapshot(mdo));
    }

    [Fact]
    public void UsedTime_AcrossNextAndClose_RecordedToTheSecondPerCase()
    {
        var mdo = Given.RunningMdo();

        mdo.NextCase(Given.Chair, Given.At(19, 59), "c1");
        mdo.NextCase(Given.Chair, Given.At(45, 0), "c2");
        mdo.CloseBySystem(Given.At(45, 1));

        Assert.Equal([1199, 1501, 1], mdo.Cases.Select(c => c.UsedSeconds));
    }
}
