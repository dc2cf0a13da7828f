using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class AuthorizationTests
{
    public static TheoryData<string> ChairOperationNames => ChairOperations.Names;

    [Theory]
    [MemberData(nameof(ChairOperationNames))]
    public void ChairOperation_ByChair_Succeeds(string operation)
    {
        var (arrange, act) = ChairOperations.All[operation];
        var mdo = arrange();
        var before = Given.Snapshot(mdo);

        act(mdo, Given.Chair);

        Assert.NotEqual(before, Given.Snapshot(mdo));
    }

    [Theory]
    [MemberData(nameof(ChairOperationNames))]
    public void ChairOperation_NonChair_NotChairAndNothingChanged(string operation)
    {
        var (arrange, act) = ChairOperations.All[operation];
        var mdo = arrange();

        // Pro owns actions a1 and a2 and presents cases, but is no chair.
        Given.RefusedUnchanged(mdo, MdoError.NotChair, () => act(mdo, Given.Pro));
    }

    [Fact]
    public void ChairOperations_CoverEveryPublicChairOnlyMethod()
    {
        string[] notChairOnly =
        [
            nameof(Mdo.Mdo.Create), nameof(Mdo.Mdo.StartBySystem), nameof(Mdo.Mdo.CloseBySystem), nameof(Mdo.Mdo.AddOrganizerAsChair),
            nameof(Mdo.Mdo.ConfirmAction), nameof(Mdo.Mdo.DeclineAction), nameof(Mdo.Mdo.MarkActionDone), nameof(Mdo.Mdo.MarkActionDropped), nameof(Mdo.Mdo.NoteActionStillOpen), nameof(Mdo.Mdo.RecordFeedback),
            nameof(Mdo.Mdo.EraseCase), nameof(Mdo.Mdo.EraseAll), nameof(Mdo.Mdo.EraseContentBySystem), // erasure: chair-only but allowed after Close (ErasureTests)
            nameof(Mdo.Mdo.FitCheck), nameof(Mdo.Mdo.IsChair), nameof(Mdo.Mdo.FindCase), nameof(Mdo.Mdo.FindAction),
            nameof(Mdo.Mdo.CurrentClock), nameof(Mdo.Mdo.Summary),
            nameof(Mdo.Mdo.NormalizeLanguage), nameof(Mdo.Mdo.PersonalLanguageOf), nameof(Mdo.Mdo.RememberPersonalLanguage),
            nameof(Mdo.Mdo.TakeMeetingTitle), // from Teams (the meeting-start event or meeting details), not a user
        ];
        var takesActor = typeof(Mdo.Mdo).GetMethods()
            .Where(m => m.DeclaringType == typeof(Mdo.Mdo) && !m.IsSpecialName)
            .Select(m => m.Name)
            .Except(notChairOnly)
            .Order();

        Assert.Equal(takesActor, ChairOperations.All.Keys.Order());
    }

    [Fact]
    public void AddOrganizerAsChair_Organizer_BecomesChairOnceAndNotAfterClose()
    {
        var mdo = Given.RunningWithActions();
        Assert.True(mdo.AddOrganizerAsChair(Given.Pro));
        Assert.True(mdo.IsChair(Given.Pro.Id));
        Assert.False(mdo.AddOrganizerAsChair(Given.Pro));
        mdo.Close(Given.Chair, Given.T0.AddHours(1));
        var ex = Assert.Throws<MdoRuleException>(() => mdo.AddOrganizerAsChair(Given.Nurse));
        Assert.Equal(MdoError.Closed, ex.Code);
    }

    [Fact]
    public void Policy_ChecksChairOwnerAndMarkDone()
    {
        var mdo = Given.RunningWithActions();
        var a1 = mdo.FindAction("a1")!;

        Assert.True(MdoPolicy.IsChair(mdo, Given.Chair.Id));
        Assert.False(MdoPolicy.IsChair(mdo, Given.Pro.Id));
        Assert.False(MdoPolicy.IsChair(mdo, null));
        Assert.False(MdoPolicy.IsChair(mdo, "29:CHAIR"));
        Assert.True(MdoPolicy.IsOwner(a1, Given.Pro.Id));
        Assert.False(MdoPolicy.IsOwner(a1, Given.Chair.Id));
        Assert.True(MdoPolicy.CanMarkDone(mdo, a1, Given.Pro.Id));
        Assert.True(MdoPolicy.CanMarkDone(mdo, a1, Given.Chair.Id));
        Assert.False(MdoPolicy.CanMarkDone(mdo, a1, Given.Nurse.Id));
    }
}
