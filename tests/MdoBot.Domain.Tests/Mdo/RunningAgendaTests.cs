using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

/// <summary>While running, planned cases can still change; started and done cases cannot.</summary>
public sealed class RunningAgendaTests
{
    private static Mdo.Mdo SecondCaseCurrent()
    {
        var mdo = Given.RunningMdo(cases: 4);
        mdo.NextCase(Given.Chair, Given.At(20), "c1");
        return mdo; // c1 done, c2 current, c3 and c4 planned
    }

    [Fact]
    public void AddCase_WhileRunning_AppendsPlannedCase()
    {
        var mdo = SecondCaseCurrent();

        var added = mdo.AddCase(Given.Chair, Given.Draft("Gezin Z"), mdo.AgendaVersion);

        Assert.Equal(CaseStatus.Planned, added.Status);
        Assert.Equal("c2", mdo.CurrentCaseId);
    }

    [Fact]
    public void EditCase_PlannedCaseWhileRunning_Edits()
    {
        var mdo = SecondCaseCurrent();

        mdo.EditCase(Given.Chair, "c3", Given.Draft("Gezin C", timeBox: 10), mdo.AgendaVersion);

        Assert.Equal(10, mdo.FindCase("c3")!.TimeBoxMinutes);
    }

    [Theory]
    [InlineData("c1")]
    [InlineData("c2")]
    public void EditCase_DoneOrCurrentCase_InvalidState(string caseId)
    {
        var mdo = SecondCaseCurrent();

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.EditCase(Given.Chair, caseId, Given.Draft("Gezin Q"), mdo.AgendaVersion));
    }

    [Theory]
    [InlineData("c1")]
    [InlineData("c2")]
    public void RemoveCase_DoneOrCurrentCase_InvalidState(string caseId)
    {
        var mdo = SecondCaseCurrent();

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.RemoveCase(Given.Chair, caseId, mdo.AgendaVersion));
    }

    [Fact]
    public void RemoveCase_PlannedCaseWhileRunning_Removes()
    {
        var mdo = SecondCaseCurrent();

        mdo.RemoveCase(Given.Chair, "c3", mdo.AgendaVersion);

        Assert.Equal(["c1", "c2", "c4"], mdo.Cases.Select(c => c.Id));
    }

    [Fact]
    public void MoveCase_PlannedCaseAmongPlanned_Moves()
    {
        var mdo = SecondCaseCurrent();

        mdo.MoveCase(Given.Chair, "c4", 2, mdo.AgendaVersion);

        Assert.Equal(["c1", "c2", "c4", "c3"], mdo.Cases.Select(c => c.Id));
        Assert.Equal("c4", mdo.NextPlannedCase!.Id);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void MoveCase_BeforeStartedCase_InvalidState(int index)
    {
        var mdo = SecondCaseCurrent();

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.MoveCase(Given.Chair, "c4", index, mdo.AgendaVersion));
    }

    [Fact]
    public void MoveCase_CurrentCase_InvalidState()
    {
        var mdo = SecondCaseCurrent();

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.MoveCase(Given.Chair, "c2", 3, mdo.AgendaVersion));
    }
}
