using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

/// <summary>Only the owner confirms or declines; repeats change nothing.</summary>
public sealed class ActionResponseTests
{
    [Fact]
    public void ConfirmAction_Owner_ConfirmedWithResponder()
    {
        var mdo = Given.RunningWithActions();

        Assert.True(mdo.ConfirmAction(Given.Pro, "a1", Given.At(10)));

        var action = mdo.FindAction("a1")!;
        Assert.Equal((ActionStatus.Confirmed, Given.Pro.Id, Given.At(10)), (action.Status, action.RespondedBy, action.RespondedAt!.Value));
    }

    [Theory]
    [InlineData("29:chair")]
    [InlineData("29:nurse")]
    public void ConfirmAction_NotOwnerEvenChair_NotOwnerAndNothingChanged(string userId)
    {
        var mdo = Given.RunningWithActions();

        Given.RefusedUnchanged(mdo, MdoError.NotOwner, () => mdo.ConfirmAction(new Participant(userId, "x"), "a1", Given.At(10)));
    }

    [Fact]
    public void ConfirmAction_AlreadyConfirmed_NoOpReturnsFalse()
    {
        var mdo = Given.RunningWithActions();
        mdo.ConfirmAction(Given.Pro, "a1", Given.At(10));
        var before = Given.Snapshot(mdo);

        Assert.False(mdo.ConfirmAction(Given.Pro, "a1", Given.At(11)));

        Assert.Equal(before, Given.Snapshot(mdo));
        Assert.Equal(Given.At(10), mdo.FindAction("a1")!.RespondedAt);
    }

    [Fact]
    public void ConfirmAction_Declined_InvalidState()
    {
        var mdo = Given.RunningWithActions();

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.ConfirmAction(Given.Pro, "a2", Given.At(10)));
    }

    [Fact]
    public void ConfirmAction_UnknownAction_NotFound()
    {
        var mdo = Given.RunningWithActions();

        Given.RefusedUnchanged(mdo, MdoError.NotFound, () => mdo.ConfirmAction(Given.Pro, "a99", Given.At(10)));
    }

    [Fact]
    public void DeclineAction_OwnerWithReason_DeclinedWithReasonAndResponder()
    {
        var mdo = Given.RunningWithActions();

        Assert.True(mdo.DeclineAction(Given.Pro, "a1", "  Met verlof ", Given.At(10)));

        var action = mdo.FindAction("a1")!;
        Assert.Equal((ActionStatus.Declined, "Met verlof"), (action.Status, action.DeclineReason));
        Assert.Equal((Given.Pro.Id, Given.At(10)), (action.RespondedBy, action.RespondedAt!.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void DeclineAction_NoReason_InvalidInput(string? reason)
    {
        var mdo = Given.RunningWithActions();

        var ex = Given.RefusedUnchanged(mdo, MdoError.InvalidInput, () => mdo.DeclineAction(Given.Pro, "a1", reason!, Given.At(10)));
        Assert.Equal("reason", ex.Field);
    }

    [Fact]
    public void DeclineAction_NotOwner_NotOwner()
    {
        var mdo = Given.RunningWithActions();

        Given.RefusedUnchanged(mdo, MdoError.NotOwner, () => mdo.DeclineAction(Given.Chair, "a1", "Nee", Given.At(10)));
    }

    [Fact]
    public void DeclineAction_Confirmed_InvalidState()
    {
        var mdo = Given.RunningWithActions();

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.DeclineAction(Given.Nurse, "a3", "Toch niet", Given.At(10)));
    }

    [Fact]
    public void DeclineAction_AlreadyDeclined_NoOpKeepsFirstReason()
    {
        var mdo = Given.RunningWithActions();
        var before = Given.Snapshot(mdo);

        Assert.False(mdo.DeclineAction(Given.Pro, "a2", "Andere reden", Given.At(10)));

        Assert.Equal(before, Given.Snapshot(mdo));
        Assert.Equal("Geen capaciteit", mdo.FindAction("a2")!.DeclineReason);
    }
}
