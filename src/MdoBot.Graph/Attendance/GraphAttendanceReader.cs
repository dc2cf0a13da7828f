using MdoBot.Graph.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.OnlineMeetings.Item;

namespace MdoBot.Graph.Attendance;

/// <summary>
/// <c>GET /users/{organizer}/onlineMeetings?$filter=JoinWebUrl eq '...'</c> (when given a join URL), then
/// <c>.../onlineMeetings/{id}/attendanceReports</c> and the newest report with
/// <c>$expand=attendanceRecords</c>. Names read here are returned to the caller, never logged.
/// </summary>
internal sealed class GraphAttendanceReader(GraphServiceClient client, ILogger<GraphAttendanceReader> logger) : IAttendanceReader
{
    public async Task<IReadOnlyList<AttendanceEntry>?> GetAttendanceAsync(string organizerUserId, string meeting, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizerUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(meeting);
        try
        {
            var meetingId = IsJoinUrl(meeting) ? await FindMeetingIdAsync(organizerUserId, meeting, cancellationToken).ConfigureAwait(false) : meeting;
            if (meetingId is null)
            {
                GraphLog.AttendanceNotFound(logger, GraphOperation.FindMeeting);
                return null;
            }

            var onlineMeeting = client.Users[organizerUserId].OnlineMeetings[meetingId];
            var reportId = await NewestReportIdAsync(onlineMeeting, cancellationToken).ConfigureAwait(false);
            if (reportId is null)
            {
                GraphLog.AttendanceNotFound(logger, GraphOperation.ListAttendanceReports);
                return null;
            }

            var report = await GraphCall.RunAsync(GraphOperation.GetAttendanceReport, logger, () => onlineMeeting.AttendanceReports[reportId].GetAsync(
                r =>
                {
                    r.QueryParameters.Expand = ["attendanceRecords"];
                    r.Options.Add(new GraphOperation(GraphOperation.GetAttendanceReport));
                },
                cancellationToken), cancellationToken).ConfigureAwait(false);
            var entries = (report?.AttendanceRecords ?? []).Select(ToEntry).ToList();
            GraphLog.AttendanceRead(logger, GraphOperation.GetAttendanceReport, entries.Count);
            return entries;
        }
        catch (GraphUnavailableException)
        {
            return null; // already logged with its status; attendance is optional
        }
    }

    private static bool IsJoinUrl(string meeting) =>
        Uri.TryCreate(meeting, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private async Task<string?> FindMeetingIdAsync(string organizerUserId, string joinUrl, CancellationToken cancellationToken)
    {
        var found = await GraphCall.RunAsync(GraphOperation.FindMeeting, logger, () => client.Users[organizerUserId].OnlineMeetings.GetAsync(
            r =>
            {
                r.QueryParameters.Filter = $"JoinWebUrl eq '{joinUrl.Replace("'", "''", StringComparison.Ordinal)}'";
                r.Options.Add(new GraphOperation(GraphOperation.FindMeeting));
            },
            cancellationToken), cancellationToken).ConfigureAwait(false);
        return found?.Value?.FirstOrDefault(m => !string.IsNullOrEmpty(m.Id))?.Id;
    }

    /// <summary>A recurring meeting (or one re-opened) has a report per session: take the latest.</summary>
    private async Task<string?> NewestReportIdAsync(OnlineMeetingItemRequestBuilder onlineMeeting, CancellationToken cancellationToken)
    {
        var reports = await GraphCall.RunAsync(GraphOperation.ListAttendanceReports, logger, () => onlineMeeting.AttendanceReports.GetAsync(
            r => r.Options.Add(new GraphOperation(GraphOperation.ListAttendanceReports)),
            cancellationToken), cancellationToken).ConfigureAwait(false);
        return reports?.Value?
            .Where(r => !string.IsNullOrEmpty(r.Id))
            .OrderByDescending(r => r.MeetingEndDateTime ?? r.MeetingStartDateTime ?? DateTimeOffset.MinValue)
            .FirstOrDefault()?.Id;
    }

    private static AttendanceEntry ToEntry(AttendanceRecord record) => new(
        record.Identity?.DisplayName ?? "",
        record.TotalAttendanceInSeconds ?? 0,
        record.Role ?? "");
}
