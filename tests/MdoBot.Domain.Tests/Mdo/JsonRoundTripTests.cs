using System.Text.Json;
using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class JsonRoundTripTests
{
    private static Mdo.Mdo RoundTrip(Mdo.Mdo mdo) =>
        JsonSerializer.Deserialize<Mdo.Mdo>(JsonSerializer.Serialize(mdo, Given.Web), Given.Web)!;

    [Fact]
    public void RoundTrip_FullClosedMeeting_SameJsonAndSameSummary()
    {
        var original = Scenario.ClosedMeeting();

        var copy = RoundTrip(original);

        Assert.Equal(Given.Snapshot(original), Given.Snapshot(copy));
        Assert.Equal(JsonSerializer.Serialize(original.Summary()), JsonSerializer.Serialize(copy.Summary()));
        Assert.Equal(original.FitCheck(), copy.FitCheck());
        Assert.Equal((original.Id, original.ConversationId, original.Title), (copy.Id, copy.ConversationId, copy.Title));
        Assert.Equal((original.ScheduledStart, original.ScheduledEnd, 75), (copy.ScheduledStart, copy.ScheduledEnd, copy.MeetingLengthMinutes!.Value));
        Assert.Equal(original.Chairs, copy.Chairs);
        Assert.Equal((MdoState.Closed, original.AgendaVersion, Given.At(40)), (copy.State, copy.AgendaVersion, copy.ClosedAt!.Value));
    }

    [Fact]
    public void RoundTrip_CaseAndActionDetails_Kept()
    {
        var copy = RoundTrip(Scenario.ClosedMeeting());

        var c1 = copy.FindCase("c1")!;
        Assert.Equal(("Gezin A", Given.Pro, "Hoe krijgen we de zorg rond?", true), (c1.Code, c1.Presenter!, c1.Question, c1.ParentsJoin));
        Assert.Equal(new FamilyView("Rust", "Koken", "Hulp bij slapen"), c1.FamilyView);
        Assert.Equal((20, 5, 1410, Given.T0, Given.At(23, 30)), (c1.TimeBoxMinutes, c1.ExtensionMinutes, c1.UsedSeconds, c1.StartedAt!.Value, c1.EndedAt!.Value));
        var reassigned = copy.FindAction("a2")!;
        Assert.Equal((ActionStatus.Reassigned, "a4", "Geen capaciteit", Given.Pro.Id), (reassigned.Status, reassigned.ReassignedTo, reassigned.DeclineReason, reassigned.RespondedBy));
        var done = copy.FindAction("a3")!;
        Assert.Equal((Given.Today, Given.At(9), Given.Nurse.Id, Given.At(7)), (done.DueDate, done.DoneAt!.Value, done.DoneBy, done.CreatedAt));
        Assert.Equal("a2", copy.FindAction("a4")!.ReassignedFrom);
    }

    [Fact]
    public void RoundTrip_RunningMeeting_ClockAndNewIdsContinue()
    {
        var original = Given.RunningWithActions();
        original.Extend(Given.Chair, 5, Given.At(15), "c1");

        var copy = RoundTrip(original);

        Assert.Equal(original.CurrentClock(), copy.CurrentClock());
        Assert.Equal("c4", copy.AddCase(Given.Chair, Given.Draft("Gezin Z"), copy.AgendaVersion).Id);
        Assert.Equal("a4", copy.AddAction(Given.Chair, "c1", Given.Pro, "Nog iets", Given.Today, Given.At(16)).Id);
        Assert.True(copy.ConfirmAction(Given.Pro, "a1", Given.At(17)));
    }

    [Fact]
    public void Serialize_Mdo_CamelCaseNamesAndEnumsAsStrings()
    {
        var json = Given.Snapshot(Scenario.ClosedMeeting());

        Assert.Contains("\"state\":\"Closed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Reassigned\"", json, StringComparison.Ordinal);
        Assert.Contains("\"lastActionNumber\":5", json, StringComparison.Ordinal);
        Assert.Contains("\"dueDate\":\"2026-11-23\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("plannedMinutes", json, StringComparison.Ordinal);
    }
}
