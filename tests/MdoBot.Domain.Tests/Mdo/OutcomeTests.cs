using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class OutcomeTests
{
    [Fact]
    public void RecordGoalAndDecisions_Chair_StoredTrimmed()
    {
        var mdo = Given.RunningMdo();

        mdo.RecordGoal(Given.Chair, "c1", "  Veilig slapen voor de baby ");
        mdo.RecordDecisions(Given.Chair, "c1", "Kraamzorg verlengen");

        var current = mdo.FindCase("c1")!;
        Assert.Equal(("Veilig slapen voor de baby", "Kraamzorg verlengen"), (current.SharedGoal, current.Decisions));
    }

    [Fact]
    public void RecordGoal_EmptyText_Clears()
    {
        var mdo = Given.RunningMdo();
        mdo.RecordGoal(Given.Chair, "c1", "Doel");

        mdo.RecordGoal(Given.Chair, "c1", "   ");

        Assert.Null(mdo.FindCase("c1")!.SharedGoal);
    }

    [Fact]
    public void RecordDecisions_DoneCase_Allowed()
    {
        var mdo = Given.RunningMdo();
        mdo.NextCase(Given.Chair, Given.At(20), "c1");

        mdo.RecordDecisions(Given.Chair, "c1", "Nagekomen besluit");

        Assert.Equal("Nagekomen besluit", mdo.FindCase("c1")!.Decisions);
    }

    [Theory]
    [InlineData("goal")]
    [InlineData("decisions")]
    public void RecordText_Over2000Characters_InvalidInput(string field)
    {
        var mdo = Given.RunningMdo();
        var text = new string('x', 2001);
        Action act = field == "goal"
            ? () => mdo.RecordGoal(Given.Chair, "c1", text)
            : () => mdo.RecordDecisions(Given.Chair, "c1", text);

        var ex = Given.RefusedUnchanged(mdo, MdoError.InvalidInput, act);
        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void SetCaseLead_Chair_SetsLead()
    {
        var mdo = Given.RunningMdo();

        mdo.SetCaseLead(Given.Chair, "c1", Given.Nurse);

        Assert.Equal(Given.Nurse, mdo.FindCase("c1")!.CaseLead);
    }

    [Fact]
    public void SetCaseLead_UnknownCase_NotFound()
    {
        var mdo = Given.RunningMdo();

        Given.RefusedUnchanged(mdo, MdoError.NotFound, () => mdo.SetCaseLead(Given.Chair, "c42", Given.Nurse));
    }

    [Fact]
    public void SetCaseLead_PersonWithoutId_InvalidInput()
    {
        var mdo = Given.RunningMdo();

        Given.RefusedUnchanged(mdo, MdoError.InvalidInput, () => mdo.SetCaseLead(Given.Chair, "c1", new Participant("", "?")));
    }
}
