using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class ClosedMdoTests
{
    public static TheoryData<string> ChairOperationNames => ChairOperations.Names;

    [Theory]
    [MemberData(nameof(ChairOperationNames))]
    public void ChairOperation_Closed_ClosedAndNothingChanged(string operation)
    {
        var (arrange, act) = ChairOperations.All[operation];
        var mdo = arrange();
        mdo.CloseBySystem(Given.At(50));

        Given.RefusedUnchanged(mdo, MdoError.Closed, () => act(mdo, Given.Chair));
    }

    [Fact]
    public void ConfirmAction_AfterClose_Confirmed()
    {
        var mdo = Given.RunningWithActions();
        mdo.Close(Given.Chair, Given.At(50));

        Assert.True(mdo.ConfirmAction(Given.Pro, "a1", Given.At(90)));

        Assert.Equal(ActionStatus.Confirmed, mdo.FindAction("a1")!.Status);
    }

    [Fact]
    public void DeclineAction_AfterClose_Declined()
    {
        var mdo = Given.RunningWithActions();
        mdo.Close(Given.Chair, Given.At(50));

        Assert.True(mdo.DeclineAction(Given.Pro, "a1", "Geen tijd", Given.At(90)));

        Assert.Equal(ActionStatus.Declined, mdo.FindAction("a1")!.Status);
    }

    [Fact]
    public void MarkActionDone_AfterClose_Done()
    {
        var mdo = Given.RunningWithActions();
        mdo.Close(Given.Chair, Given.At(50));

        Assert.True(mdo.MarkActionDone(Given.Nurse, "a3", Given.At(60 * 24 * 3)));

        Assert.Equal(ActionStatus.Done, mdo.FindAction("a3")!.Status);
    }

    [Fact]
    public void ConfirmAction_AfterCloseByNonOwner_StillNotOwner()
    {
        var mdo = Given.RunningWithActions();
        mdo.Close(Given.Chair, Given.At(50));

        Given.RefusedUnchanged(mdo, MdoError.NotOwner, () => mdo.ConfirmAction(Given.Chair, "a1", Given.At(90)));
    }
}
