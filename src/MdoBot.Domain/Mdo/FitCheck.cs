namespace MdoBot.Domain.Mdo;

/// <summary>
/// Does the agenda fit the meeting? <paramref name="MeetingMinutes"/> is null when the length is
/// unknown; then <paramref name="Fits"/> is true and <paramref name="OverByMinutes"/> is 0.
/// </summary>
/// <param name="PlannedMinutes">Sum of all time boxes plus extensions.</param>
/// <param name="MeetingMinutes">From the chair's meeting length, else from the schedule.</param>
/// <param name="Fits">Planned ≤ meeting, or the meeting length is unknown.</param>
/// <param name="OverByMinutes">How many minutes too many are planned (0 when it fits).</param>
public sealed record FitCheck(int PlannedMinutes, int? MeetingMinutes, bool Fits, int OverByMinutes);
