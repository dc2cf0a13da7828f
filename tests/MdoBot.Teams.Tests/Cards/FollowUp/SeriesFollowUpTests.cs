using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards.FollowUp;
using static MdoBot.Teams.Tests.Cards.Mdo.MdoSamples;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Tests.Cards.FollowUp;

public sealed class SeriesFollowUpTests
{
    [Fact]
    public void From_EarlierMdo_ReturningCodesIgnoreCase()
    {
        var current = FollowUpSamples.Current();

        var followUp = FollowUpSamples.FollowUp(current);

        Assert.Contains("gezin a", followUp.ReturningCodes);
        Assert.Contains("GEZIN B", followUp.ReturningCodes);
        Assert.DoesNotContain("Gezin C", followUp.ReturningCodes);
    }

    [Fact]
    public void From_EarlierMdo_OnlyProposedOrConfirmedActionsOfThatCase()
    {
        var followUp = FollowUpSamples.FollowUp(FollowUpSamples.Current());

        var a = Assert.Single(followUp.OpenFor("gezin a")); // a1 done, a2 reassigned, a4 confirmed
        Assert.Equal(("3f9a1c2b7d4e", "a4", ActionStatus.Confirmed), (a.MdoId, a.Action.Id, a.Action.Status));
        Assert.Equal(T0, a.HeldAt);
        Assert.Equal("a3", Assert.Single(followUp.OpenFor("Gezin B")).Action.Id); // proposed
        Assert.Empty(followUp.OpenFor("2026-017")); // declined only
        Assert.Empty(followUp.OpenFor("Gezin C"));
    }

    [Fact]
    public void From_OnlyMdosBeforeTheCurrentOne()
    {
        var earlier = FollowUpSamples.Earlier();
        var current = FollowUpSamples.Current();

        var followUp = SeriesFollowUp.From(earlier, [earlier, current]);

        Assert.Same(SeriesFollowUp.None, followUp);
        Assert.Empty(followUp.ReturningCodes);
    }

    [Fact]
    public void From_SeveralEarlierMdos_OpenActionsOldestFirst()
    {
        var first = MdoMeeting.Create("m1", "conv", "MDO 1", Chair, T0);
        first.AddCase(Chair, new CaseDraft("Gezin A"), first.AgendaVersion);
        first.Start(Chair, T0);
        first.AddAction(Chair, "c1", Nurse, "Eerste", Today.AddDays(3), T0);
        first.Close(Chair, At(20));
        var second = MdoMeeting.Create("m2", "conv", "MDO 2", Chair, T0.AddDays(40));
        second.AddCase(Chair, new CaseDraft("GEZIN A"), second.AgendaVersion);
        second.Start(Chair, T0.AddDays(40));
        second.AddAction(Chair, "c1", Social, "Tweede", Today.AddDays(50), T0.AddDays(40));
        second.Close(Chair, T0.AddDays(40).AddMinutes(20));
        var third = MdoMeeting.Create("m3", "conv", "MDO 3", Chair, T0.AddDays(80));
        third.AddCase(Chair, new CaseDraft("gezin a"), third.AgendaVersion);

        var open = SeriesFollowUp.From(third, [first, second, third]).OpenFor("Gezin A");

        Assert.Equal(["Eerste", "Tweede"], open.Select(e => e.Action.Description));
        Assert.Equal(["m1", "m2"], open.Select(e => e.MdoId));
    }
}
