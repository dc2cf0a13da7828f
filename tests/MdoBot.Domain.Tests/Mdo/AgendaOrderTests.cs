using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

/// <summary>Moving cases and refusing stale agenda cards.</summary>
public sealed class AgendaOrderTests
{
    [Fact]
    public void MoveCase_PlannedCase_MovesToIndexAndBumpsVersion()
    {
        var mdo = Given.PlannedMdo();
        var version = mdo.AgendaVersion;

        mdo.MoveCase(Given.Chair, "c3", 0, version);

        Assert.Equal(["c3", "c1", "c2"], mdo.Cases.Select(c => c.Id));
        Assert.Equal(version + 1, mdo.AgendaVersion);
    }

    [Fact]
    public void MoveCase_SameIndex_NothingChanges()
    {
        var mdo = Given.PlannedMdo();

        var before = Given.Snapshot(mdo);
        mdo.MoveCase(Given.Chair, "c2", 1, mdo.AgendaVersion);

        Assert.Equal(before, Given.Snapshot(mdo));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void MoveCase_IndexOutOfRange_InvalidInput(int index)
    {
        var mdo = Given.PlannedMdo();

        Given.RefusedUnchanged(mdo, MdoError.InvalidInput, () => mdo.MoveCase(Given.Chair, "c2", index, mdo.AgendaVersion));
    }

    [Theory]
    [InlineData("add")]
    [InlineData("edit")]
    [InlineData("remove")]
    [InlineData("move")]
    public void AgendaChange_StaleVersion_StaleAgendaAndNothingChanged(string operation)
    {
        var mdo = Given.PlannedMdo();
        var stale = mdo.AgendaVersion - 1;
        Action act = operation switch
        {
            "add" => () => mdo.AddCase(Given.Chair, Given.Draft("Gezin Q"), stale),
            "edit" => () => mdo.EditCase(Given.Chair, "c1", Given.Draft("Gezin Q"), stale),
            "remove" => () => mdo.RemoveCase(Given.Chair, "c1", stale),
            _ => () => mdo.MoveCase(Given.Chair, "c1", 2, stale),
        };

        Given.RefusedUnchanged(mdo, MdoError.StaleAgenda, act);
    }

    [Fact]
    public void AgendaChange_CardFromBeforeAnotherChange_StaleAgenda()
    {
        var mdo = Given.PlannedMdo();
        var shownOnCard = mdo.AgendaVersion;
        mdo.MoveCase(Given.Chair, "c3", 0, shownOnCard);

        Given.RefusedUnchanged(mdo, MdoError.StaleAgenda, () => mdo.RemoveCase(Given.Chair, "c1", shownOnCard));
    }
}
