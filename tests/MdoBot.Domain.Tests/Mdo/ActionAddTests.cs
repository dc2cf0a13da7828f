using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class ActionAddTests
{
    [Fact]
    public void AddAction_Chair_ProposedActionWithIdAndCreator()
    {
        var mdo = Given.RunningMdo();

        var action = mdo.AddAction(Given.Chair, "c1", Given.Pro, "  Huisbezoek ", Given.Today.AddDays(7), Given.At(3));

        Assert.Equal(("a1", "c1", ActionStatus.Proposed), (action.Id, action.CaseId, action.Status));
        Assert.Equal((Given.Pro, "Huisbezoek", Given.Today.AddDays(7)), (action.Owner, action.Description, action.DueDate));
        Assert.Equal((Given.Chair.Id, Given.At(3)), (action.CreatedBy, action.CreatedAt));
        Assert.Same(action, mdo.FindAction("a1"));
        Assert.Equal([action], mdo.FindCase("c1")!.Actions);
        Assert.Equal("a2", mdo.AddAction(Given.Chair, "c2", Given.Pro, "Ander", Given.Today, Given.At(4)).Id);
    }

    [Fact]
    public void AddAction_DueToday_Allowed()
    {
        var mdo = Given.RunningMdo();

        Assert.Equal(Given.Today, mdo.AddAction(Given.Chair, "c1", Given.Pro, "Bellen", Given.Today, Given.At(3)).DueDate);
    }

    [Fact]
    public void AddAction_DueBeforeToday_InvalidInput()
    {
        var mdo = Given.RunningMdo();

        var ex = Given.RefusedUnchanged(mdo, MdoError.InvalidInput, () => mdo.AddAction(Given.Chair, "c1", Given.Pro, "Bellen", Given.Today.AddDays(-1), Given.At(3)));
        Assert.Equal("due", ex.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddAction_NoDescription_InvalidInput(string description)
    {
        var mdo = Given.RunningMdo();

        Given.RefusedUnchanged(mdo, MdoError.InvalidInput, () => mdo.AddAction(Given.Chair, "c1", Given.Pro, description, Given.Today, Given.At(3)));
    }

    [Fact]
    public void AddAction_DescriptionOver500_InvalidInput()
    {
        var mdo = Given.RunningMdo();

        Given.RefusedUnchanged(mdo, MdoError.InvalidInput, () => mdo.AddAction(Given.Chair, "c1", Given.Pro, new string('d', 501), Given.Today, Given.At(3)));
    }

    [Fact]
    public void AddAction_UnknownCase_NotFound()
    {
        var mdo = Given.RunningMdo();

        Given.RefusedUnchanged(mdo, MdoError.NotFound, () => mdo.AddAction(Given.Chair, "c9", Given.Pro, "x", Given.Today, Given.At(3)));
    }
}
