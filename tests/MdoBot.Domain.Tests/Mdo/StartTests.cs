using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class StartTests
{
    [Fact]
    public void Start_PlannedWithCases_RunningAndFirstCaseCurrent()
    {
        var mdo = Given.PlannedMdo();
        var version = mdo.AgendaVersion;

        var first = mdo.Start(Given.Chair, Given.T0);

        Assert.Equal(MdoState.Running, mdo.State);
        Assert.Equal(Given.T0, mdo.StartedAt);
        Assert.Equal("c1", first.Id);
        Assert.Same(first, mdo.CurrentCase);
        Assert.Equal((CaseStatus.Current, Given.T0), (first.Status, first.StartedAt!.Value));
        Assert.Equal("c2", mdo.NextPlannedCase!.Id);
        Assert.Equal(version + 1, mdo.AgendaVersion);
    }

    [Fact]
    public void Start_NoCases_InvalidState()
    {
        var mdo = Given.PlannedMdo(cases: 0);

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.Start(Given.Chair, Given.T0));
    }

    [Fact]
    public void Start_AlreadyRunning_InvalidState()
    {
        var mdo = Given.RunningMdo();

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.Start(Given.Chair, Given.At(1)));
    }

    [Fact]
    public void StartBySystem_Planned_StartsWithoutActor()
    {
        var mdo = Given.PlannedMdo();

        Assert.True(mdo.StartBySystem(Given.T0));

        Assert.Equal((MdoState.Running, "c1"), (mdo.State, mdo.CurrentCaseId));
    }

    [Fact]
    public void StartBySystem_AlreadyRunningOrNoCases_ReturnsFalseAndNothingChanged()
    {
        var running = Given.RunningMdo();
        var empty = Given.PlannedMdo(cases: 0);
        var before = (Given.Snapshot(running), Given.Snapshot(empty));

        Assert.False(running.StartBySystem(Given.At(5)));
        Assert.False(empty.StartBySystem(Given.At(5)));

        Assert.Equal(before, (Given.Snapshot(running), Given.Snapshot(empty)));
    }
}
