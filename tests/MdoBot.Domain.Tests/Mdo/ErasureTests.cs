using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class ErasureTests
{
    private static Mdo.Mdo ClosedWithContent()
    {
        var mdo = Given.RunningWithActions();
        mdo.RecordGoal(Given.Chair, "c1", "Veilig opgroeien");
        mdo.RecordDecisions(Given.Chair, "c1", "Wekelijks huisbezoek");
        mdo.SetCaseLead(Given.Chair, "c1", Given.Nurse);
        mdo.Close(Given.Chair, Given.At(30));
        return mdo;
    }

    [Fact]
    public void EraseContentBySystem_Closed_RemovesAllTextAndPeopleKeepsNumbers()
    {
        var mdo = ClosedWithContent();
        var usedBefore = mdo.Cases.Select(c => c.UsedSeconds).ToList();

        Assert.True(mdo.EraseContentBySystem(Given.At(90 * 24 * 60)));
        Assert.False(mdo.EraseContentBySystem(Given.At(91 * 24 * 60)));

        var json = Given.Snapshot(mdo);
        foreach (var text in new[] { "Veilig opgroeien", "Wekelijks huisbezoek", "Gezin A", "Huisbezoek plannen", "Geen capaciteit", "Rust", "Cato", "Anna", "Bram", "29:" })
        {
            Assert.DoesNotContain(text, json, StringComparison.Ordinal);
        }

        Assert.Equal(usedBefore, mdo.Cases.Select(c => c.UsedSeconds));
        Assert.Equal(3, mdo.Cases.Count);
        Assert.Equal(3, mdo.AllActions.Count());
        Assert.All(mdo.Cases, c => Assert.True(c.ContentErased));
    }

    [Fact]
    public void EraseCase_ByChair_OnlyThatCase()
    {
        var mdo = ClosedWithContent();
        mdo.EraseCase(Given.Chair, "c1");
        Assert.Equal("#1", mdo.FindCase("c1")!.Code);
        Assert.Null(mdo.FindCase("c1")!.SharedGoal);
        Assert.Equal("Gezin B", mdo.FindCase("c2")!.Code);
    }

    [Fact]
    public void EraseCase_ByNonChair_RefusedUnchanged()
    {
        var mdo = ClosedWithContent();
        var before = Given.Snapshot(mdo);
        Given.Refused(MdoError.NotChair, () => mdo.EraseCase(Given.Pro, "c1"));
        Given.Refused(MdoError.NotChair, () => mdo.EraseAll(Given.Pro, Given.At(40)));
        Assert.Equal(before, Given.Snapshot(mdo));
    }

    [Fact]
    public void EraseCase_CurrentCase_IsInvalidState()
    {
        var mdo = Given.RunningWithActions();
        Given.Refused(MdoError.InvalidState, () => mdo.EraseCase(Given.Chair, "c1"));
    }

    [Fact]
    public void EraseAll_RunningMdo_ClosesAndErases()
    {
        var mdo = Given.RunningWithActions();
        mdo.EraseAll(Given.Chair, Given.At(10));
        Assert.Equal(MdoState.Closed, mdo.State);
        Assert.NotNull(mdo.ContentErasedAt);
        Assert.Empty(mdo.Chairs);
    }
}
