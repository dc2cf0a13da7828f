using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class SummaryTests
{
    [Fact]
    public void Summary_ClosedMeeting_PerCaseOutcomeActionsAndTimes()
    {
        var summary = Scenario.ClosedMeeting().Summary();

        Assert.Equal(("mdo-1", "MDO Kansrijke Start", MdoState.Closed), (summary.MdoId, summary.Title, summary.State));
        Assert.Equal(Given.T0, summary.StartedAt);
        var first = summary.Cases[0];
        Assert.Equal(("c1", "Gezin A", CaseStatus.Done, true), (first.CaseId, first.Code, first.Status, first.WasDiscussed));
        Assert.Equal(("Veilig slapen", "Kraamzorg verlengen", Given.Nurse), (first.SharedGoal, first.Decisions, first.CaseLead));
        Assert.Equal((25, 1410, 24), (first.PlannedMinutes, first.UsedSeconds, first.UsedMinutes));
        Assert.Equal(["a1", "a2", "a3", "a4"], first.Actions.Select(a => a.ActionId));
        Assert.Equal(
            [ActionStatus.Confirmed, ActionStatus.Reassigned, ActionStatus.Done, ActionStatus.Proposed],
            first.Actions.Select(a => a.Status));
        var third = summary.Cases[2];
        Assert.Equal((false, 0), (third.WasDiscussed, third.UsedSeconds));
        Assert.Equal((65, 2400, 40), (summary.PlannedMinutes, summary.UsedSeconds, summary.UsedMinutes));
    }

    [Fact]
    public void Summary_UnconfirmedActions_ProposedAndDeclinedFlagged()
    {
        var summary = Scenario.ClosedMeeting().Summary();

        Assert.Equal(["a4", "a5"], summary.UnconfirmedActions.Select(a => a.ActionId));
        Assert.All(summary.UnconfirmedActions, a => Assert.True(a.IsUnconfirmed));
        var declined = summary.UnconfirmedActions[1];
        Assert.Equal(("c2", "Gezin B", "Wachtlijst", Given.Pro), (declined.CaseId, declined.CaseCode, declined.DeclineReason, declined.Owner));
        Assert.False(summary.Cases[0].Actions[1].IsUnconfirmed);
    }

    [Fact]
    public void Summary_LaterChanges_DoNotAffectEarlierSummary()
    {
        var mdo = Given.RunningWithActions();
        var summary = mdo.Summary();

        mdo.RecordGoal(Given.Chair, "c1", "Later doel");
        mdo.ConfirmAction(Given.Pro, "a1", Given.At(10));

        Assert.Null(summary.Cases[0].SharedGoal);
        Assert.Equal(ActionStatus.Proposed, summary.Cases[0].Actions[0].Status);
    }

    [Theory]
    [InlineData(29, 0)]
    [InlineData(30, 1)]
    [InlineData(89, 1)]
    [InlineData(90, 2)]
    public void UsedMinutes_Seconds_RoundedToNearestMinute(int seconds, int minutes)
    {
        var summary = new CaseSummary("c1", "A", CaseStatus.Done, null, null, null, [], 20, seconds);

        Assert.Equal(minutes, summary.UsedMinutes);
    }
}
