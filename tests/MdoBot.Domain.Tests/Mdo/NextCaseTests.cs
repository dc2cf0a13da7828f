using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class NextCaseTests
{
    [Fact]
    public void NextCase_NotStarted_InvalidState()
    {
        var mdo = Given.PlannedMdo();

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.NextCase(Given.Chair, Given.T0, null));
    }

    [Fact]
    public void NextCase_Running_CurrentDoneWithTimeToTheSecondAndNextCurrent()
    {
        var mdo = Given.RunningMdo();
        var version = mdo.AgendaVersion;

        var next = mdo.NextCase(Given.Chair, Given.At(12, 34), "c1");

        var done = mdo.FindCase("c1")!;
        Assert.Equal((CaseStatus.Done, 754, Given.At(12, 34)), (done.Status, done.UsedSeconds, done.EndedAt!.Value));
        Assert.Equal("c2", next!.Id);
        Assert.Equal((CaseStatus.Current, Given.At(12, 34)), (next.Status, next.StartedAt!.Value));
        Assert.Equal("c2", mdo.CurrentCaseId);
        Assert.Equal(version + 1, mdo.AgendaVersion);
    }

    [Fact]
    public void NextCase_FractionOfSecond_RoundsDownToWholeSeconds()
    {
        var mdo = Given.RunningMdo();

        mdo.NextCase(Given.Chair, Given.At(1, 5).AddMilliseconds(999), "c1");

        Assert.Equal(65, mdo.FindCase("c1")!.UsedSeconds);
    }

    [Fact]
    public void NextCase_LastCase_NoCurrentAndStillRunning()
    {
        var mdo = Given.RunningMdo(cases: 1);

        var next = mdo.NextCase(Given.Chair, Given.At(20), "c1");

        Assert.Null(next);
        Assert.Null(mdo.CurrentCaseId);
        Assert.Equal(MdoState.Running, mdo.State);
        Assert.Equal(CaseStatus.Done, mdo.Cases[0].Status);
    }

    [Fact]
    public void NextCase_NoCurrentAndNothingPlanned_InvalidState()
    {
        var mdo = Given.RunningMdo(cases: 1);
        mdo.NextCase(Given.Chair, Given.At(20), "c1");

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.NextCase(Given.Chair, Given.At(21), null));
    }

    [Fact]
    public void NextCase_NoCurrentButCaseAddedLater_StartsThatCase()
    {
        var mdo = Given.RunningMdo(cases: 1);
        mdo.NextCase(Given.Chair, Given.At(20), "c1");
        mdo.AddCase(Given.Chair, Given.Draft("Gezin Z"), mdo.AgendaVersion);

        var next = mdo.NextCase(Given.Chair, Given.At(22), null);

        Assert.Equal(("c2", Given.At(22)), (next!.Id, next.StartedAt!.Value));
    }

    [Fact]
    public void NextCase_SameExpectedCurrentTwice_SecondIsStaleAndOnlyOneAdvance()
    {
        var mdo = Given.RunningMdo();
        mdo.NextCase(Given.Chair, Given.At(20), "c1");

        Given.RefusedUnchanged(mdo, MdoError.StaleAgenda, () => mdo.NextCase(Given.Chair, Given.At(20, 1), "c1"));

        Assert.Equal("c2", mdo.CurrentCaseId);
        Assert.Equal(CaseStatus.Planned, mdo.FindCase("c3")!.Status);
    }

    [Fact]
    public void NextCase_NoExpectedCurrent_AdvancesWithoutCheck()
    {
        var mdo = Given.RunningMdo();

        mdo.NextCase(Given.Chair, Given.At(20), null);
        mdo.NextCase(Given.Chair, Given.At(40), null);

        Assert.Equal("c3", mdo.CurrentCaseId);
    }
}
