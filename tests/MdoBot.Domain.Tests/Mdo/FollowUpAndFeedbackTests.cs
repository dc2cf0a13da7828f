using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class FollowUpAndFeedbackTests
{
    [Fact]
    public void MarkActionDropped_ByOwnerAfterClose_DropsOnce()
    {
        var mdo = Given.RunningWithActions();
        mdo.Close(Given.Chair, Given.At(30));

        Assert.True(mdo.MarkActionDropped(Given.Nurse, "a3", Given.At(40)));
        Assert.False(mdo.MarkActionDropped(Given.Nurse, "a3", Given.At(41)));
        Assert.Equal(ActionStatus.Dropped, mdo.FindAction("a3")!.Status);
    }

    [Fact]
    public void MarkActionDropped_ByOtherParticipant_RefusedUnchanged()
    {
        var mdo = Given.RunningWithActions();
        var before = Given.Snapshot(mdo);
        Given.Refused(MdoError.NotOwner, () => mdo.MarkActionDropped(Given.Pro, "a3", Given.At(9)));
        Assert.Equal(before, Given.Snapshot(mdo));
    }

    [Fact]
    public void MarkActionDropped_DeclinedAction_IsInvalidState()
    {
        var mdo = Given.RunningWithActions();
        Given.Refused(MdoError.InvalidState, () => mdo.MarkActionDropped(Given.Chair, "a2", Given.At(9)));
    }

    [Fact]
    public void NoteActionStillOpen_ByOwnerAfterClose_NotedStatusKept()
    {
        var mdo = Given.RunningWithActions();
        mdo.Close(Given.Chair, Given.At(30));

        Assert.True(mdo.NoteActionStillOpen(Given.Nurse, "a3", Given.At(40)));
        Assert.False(mdo.NoteActionStillOpen(Given.Nurse, "a3", Given.At(40)));
        Assert.Equal(Given.At(40), mdo.FindAction("a3")!.StillOpenAt);
        Assert.NotEqual(ActionStatus.Done, mdo.FindAction("a3")!.Status);
    }

    [Fact]
    public void NoteActionStillOpen_ByOtherParticipantOrDeclined_RefusedUnchanged()
    {
        var mdo = Given.RunningWithActions();
        var before = Given.Snapshot(mdo);
        Given.Refused(MdoError.NotOwner, () => mdo.NoteActionStillOpen(Given.Pro, "a3", Given.At(9)));
        Given.Refused(MdoError.InvalidState, () => mdo.NoteActionStillOpen(Given.Chair, "a2", Given.At(9)));
        Assert.Equal(before, Given.Snapshot(mdo));
    }

    [Fact]
    public void RecordFeedback_ByCaseLeadAfterClose_RecordsWhoAndWhen()
    {
        var mdo = Given.RunningWithActions();
        mdo.SetCaseLead(Given.Chair, "c1", Given.Nurse);
        mdo.Close(Given.Chair, Given.At(30));

        Assert.True(mdo.RecordFeedback(Given.Nurse, "c1", FeedbackStatus.DiscussedInPerson, Given.At(60)));
        Assert.False(mdo.RecordFeedback(Given.Nurse, "c1", FeedbackStatus.DiscussedInPerson, Given.At(61)));
        var c1 = mdo.FindCase("c1")!;
        Assert.Equal(FeedbackStatus.DiscussedInPerson, c1.Feedback);
        Assert.Equal(Given.Nurse.Id, c1.FeedbackBy);
        Assert.Equal(Given.At(60), c1.FeedbackAt);
    }

    [Fact]
    public void RecordFeedback_ByNeitherLeadNorChair_RefusedUnchanged()
    {
        var mdo = Given.RunningWithActions();
        mdo.SetCaseLead(Given.Chair, "c1", Given.Nurse);
        var before = Given.Snapshot(mdo);
        Given.Refused(MdoError.NotCaseLead, () => mdo.RecordFeedback(Given.Pro, "c1", FeedbackStatus.SentByEmail, Given.At(9)));
        Given.Refused(MdoError.InvalidInput, () => mdo.RecordFeedback(Given.Nurse, "c1", FeedbackStatus.Open, Given.At(9)));
        Assert.Equal(before, Given.Snapshot(mdo));
    }
}
