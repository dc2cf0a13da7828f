using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class ActionFollowUpTests
{
    [Fact]
    public void ReassignAction_Declined_NewProposedActionAndOldMarkedReassigned()
    {
        var mdo = Given.RunningWithActions();

        var replacement = mdo.ReassignAction(Given.Chair, "a2", Given.Nurse, Given.At(12));

        var old = mdo.FindAction("a2")!;
        Assert.Equal((ActionStatus.Reassigned, replacement.Id), (old.Status, old.ReassignedTo));
        Assert.Equal(("a4", "c1", ActionStatus.Proposed, "a2"), (replacement.Id, replacement.CaseId, replacement.Status, replacement.ReassignedFrom));
        Assert.Equal((Given.Nurse, old.Description, old.DueDate), (replacement.Owner, replacement.Description, replacement.DueDate));
        Assert.Equal((Given.Chair.Id, Given.At(12)), (replacement.CreatedBy, replacement.CreatedAt));
        Assert.Same(replacement, mdo.FindCase("c1")!.Actions[^1]);
    }

    [Fact]
    public void ReassignAction_NewDueDate_UsedForNewAction()
    {
        var mdo = Given.RunningWithActions();

        var replacement = mdo.ReassignAction(Given.Chair, "a2", Given.Nurse, Given.At(12), Given.Today.AddDays(30));

        Assert.Equal(Given.Today.AddDays(30), replacement.DueDate);
    }

    [Fact]
    public void ReassignAction_NewOwnerConfirms_ConfirmedWhileOldOwnerCannotConfirmOld()
    {
        var mdo = Given.RunningWithActions();
        var replacement = mdo.ReassignAction(Given.Chair, "a2", Given.Nurse, Given.At(12));

        Assert.True(mdo.ConfirmAction(Given.Nurse, replacement.Id, Given.At(13)));
        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.ConfirmAction(Given.Pro, "a2", Given.At(14)));
        Given.RefusedUnchanged(mdo, MdoError.NotOwner, () => mdo.ConfirmAction(Given.Nurse, "a2", Given.At(14)));
    }

    [Theory]
    [InlineData("a1")]
    [InlineData("a3")]
    public void ReassignAction_NotDeclined_InvalidState(string actionId)
    {
        var mdo = Given.RunningWithActions();

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.ReassignAction(Given.Chair, actionId, Given.Nurse, Given.At(12)));
    }

    [Fact]
    public void ReassignAction_Twice_SecondInvalidState()
    {
        var mdo = Given.RunningWithActions();
        mdo.ReassignAction(Given.Chair, "a2", Given.Nurse, Given.At(12));

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.ReassignAction(Given.Chair, "a2", Given.Nurse, Given.At(13)));
    }

    [Fact]
    public void ReassignAction_NewDueInPast_InvalidInput()
    {
        var mdo = Given.RunningWithActions();

        Given.RefusedUnchanged(mdo, MdoError.InvalidInput, () => mdo.ReassignAction(Given.Chair, "a2", Given.Nurse, Given.At(12), Given.Today.AddDays(-1)));
    }

    [Theory]
    [InlineData("29:nurse")]
    [InlineData("29:chair")]
    public void MarkActionDone_OwnerOrChair_Done(string userId)
    {
        var mdo = Given.RunningWithActions();

        Assert.True(mdo.MarkActionDone(new Participant(userId, "x"), "a3", Given.At(30)));

        var action = mdo.FindAction("a3")!;
        Assert.Equal((ActionStatus.Done, userId, Given.At(30)), (action.Status, action.DoneBy, action.DoneAt!.Value));
    }

    [Fact]
    public void MarkActionDone_NeitherOwnerNorChair_NotOwner()
    {
        var mdo = Given.RunningWithActions();

        Given.RefusedUnchanged(mdo, MdoError.NotOwner, () => mdo.MarkActionDone(Given.Pro, "a3", Given.At(30)));
    }

    [Theory]
    [InlineData("a1")]
    [InlineData("a2")]
    public void MarkActionDone_NotConfirmed_InvalidState(string actionId)
    {
        var mdo = Given.RunningWithActions();

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.MarkActionDone(Given.Chair, actionId, Given.At(30)));
    }

    [Fact]
    public void MarkActionDone_AlreadyDone_NoOpAndConfirmStillNoOp()
    {
        var mdo = Given.RunningWithActions();
        mdo.MarkActionDone(Given.Nurse, "a3", Given.At(30));
        var before = Given.Snapshot(mdo);

        Assert.False(mdo.MarkActionDone(Given.Nurse, "a3", Given.At(31)));
        Assert.False(mdo.ConfirmAction(Given.Nurse, "a3", Given.At(31)));

        Assert.Equal(before, Given.Snapshot(mdo));
    }
}
