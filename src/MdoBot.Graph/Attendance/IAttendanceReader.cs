namespace MdoBot.Graph.Attendance;

/// <summary>Reads who attended an online meeting, after it ended (Graph attendance reports).</summary>
public interface IAttendanceReader
{
    /// <summary>
    /// The attendance of the most recent session of the meeting. <paramref name="meeting"/> is the
    /// meeting's join URL (looked up with <c>$filter=JoinWebUrl eq '...'</c>) or a Graph onlineMeeting id
    /// (not the Teams chat's meeting id). Returns null - "skip quietly" - when Graph is not configured,
    /// refuses (401/403) or knows no such meeting or report yet (404, empty lists). Throws
    /// <see cref="GraphRequestFailedException"/> when Graph keeps failing after the bounded retries.
    /// Needs <c>OnlineMeetings.Read.All</c> and <c>OnlineMeetingArtifact.Read.All</c> plus an
    /// application access policy that covers <paramref name="organizerUserId"/>.
    /// </summary>
    Task<IReadOnlyList<AttendanceEntry>?> GetAttendanceAsync(string organizerUserId, string meeting, CancellationToken cancellationToken);
}
