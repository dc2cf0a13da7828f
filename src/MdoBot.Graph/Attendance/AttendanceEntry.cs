namespace MdoBot.Graph.Attendance;

/// <summary>
/// One participant of an online meeting as Graph's attendance report lists them. <paramref name="Role"/>
/// is Graph's value (<c>Organizer</c>, <c>Presenter</c>, <c>Attendee</c>, ...); empty when Graph gives none,
/// as is <paramref name="DisplayName"/> for some anonymous joiners.
/// </summary>
public sealed record AttendanceEntry(string DisplayName, int TotalAttendanceSeconds, string Role)
{
    public TimeSpan TotalAttendance => TimeSpan.FromSeconds(TotalAttendanceSeconds);
}
