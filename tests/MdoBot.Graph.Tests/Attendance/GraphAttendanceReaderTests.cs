using MdoBot.Testing;
using MdoBot.Graph.Attendance;
using MdoBot.Graph.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MdoBot.Graph.Tests.Attendance;

public sealed class GraphAttendanceReaderTests : IAsyncLifetime
{
    private const string Organizer = "5b0c6a3e-0000-4000-8000-000000000001";
    private const string MeetingId = "MSoxYzE3LWNiZGItNGQ0Yi1hNWU5";
    private const string JoinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ5@thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d";

    private static readonly DateTimeOffset Day = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly TestClock _clock = new();
    private readonly ListLoggerProvider _logs = new();
    private FakeGraph _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeGraph.StartAsync(_clock);
        _fake.Meetings[JoinUrl] = MeetingId;
        _fake.Reports[MeetingId] =
        [
            new FakeReport("report-old", Day.AddDays(-7), Day.AddDays(-7).AddHours(1), new FakeRecord("Oud Overleg", "Attendee", 60)),
            new FakeReport(
                "report-new",
                Day,
                Day.AddMinutes(50),
                new FakeRecord("Dr. A. Jansen", "Organizer", 3000),
                new FakeRecord("B. de Vries", "Presenter", 2400),
                new FakeRecord("Ouder van Sam", "Attendee", 1200)),
        ];
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task GetAttendanceAsync_JoinUrl_LooksUpMeetingThenReadsRecordsOfNewestReport()
    {
        var attendance = await Reader().GetAttendanceAsync(Organizer, JoinUrl, CancellationToken.None);

        Assert.NotNull(attendance);
        Assert.Equal(
            [
                new AttendanceEntry("Dr. A. Jansen", 3000, "Organizer"),
                new AttendanceEntry("B. de Vries", 2400, "Presenter"),
                new AttendanceEntry("Ouder van Sam", 1200, "Attendee"),
            ],
            attendance);
        var requests = _fake.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal($"/v1.0/users/{Organizer}/onlineMeetings", requests[0].Path);
        Assert.Equal($"JoinWebUrl eq '{JoinUrl}'", requests[0].QueryValue("$filter"));
        Assert.Equal($"/v1.0/users/{Organizer}/onlineMeetings/{MeetingId}/attendanceReports", requests[1].Path);
        Assert.Equal($"/v1.0/users/{Organizer}/onlineMeetings/{MeetingId}/attendanceReports/report-new", requests[2].Path);
        Assert.Equal("attendanceRecords", requests[2].QueryValue("$expand"));
        Assert.All(requests, r => Assert.Equal("Bearer " + StaticTokenCredential.Token, r.Authorization));
        Assert.All(_logs.AllText, text => Assert.DoesNotContain("Jansen", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAttendanceAsync_OnlineMeetingId_SkipsTheLookup()
    {
        var attendance = await Reader().GetAttendanceAsync(Organizer, MeetingId, CancellationToken.None);

        Assert.Equal(3, attendance!.Count);
        Assert.Equal(2, _fake.Requests.Count);
        Assert.EndsWith("/attendanceReports", _fake.Requests[0].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAttendanceAsync_JoinUrlWithQuote_IsEscapedInTheFilter()
    {
        const string quoted = "https://teams.microsoft.com/l/meetup-join/it's";
        _fake.Meetings[quoted] = MeetingId;

        var attendance = await Reader().GetAttendanceAsync(Organizer, quoted, CancellationToken.None);

        Assert.NotNull(attendance);
        Assert.Equal("JoinWebUrl eq 'https://teams.microsoft.com/l/meetup-join/it''s'", _fake.Requests[0].QueryValue("$filter"));
    }

    [Theory]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "NotFound")]
    [InlineData(401, "InvalidAuthenticationToken")]
    public async Task GetAttendanceAsync_RefusedOrUnknown_ReturnsNullQuietlyWithoutRetry(int status, string code)
    {
        _fake.Enqueue(ScriptedReply.Error(status, code));

        var attendance = await Reader().GetAttendanceAsync(Organizer, JoinUrl, CancellationToken.None);

        Assert.Null(attendance);
        Assert.Single(_fake.Requests);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.All(_logs.AllText, text => Assert.DoesNotContain(FakeGraph.LeakyText, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAttendanceAsync_ReportForbidden_ReturnsNull()
    {
        _fake.Enqueue(new ScriptedReply(200, """{"value":[{"id":"MSoxYzE3LWNiZGItNGQ0Yi1hNWU5"}]}"""), ScriptedReply.Error(403, "Forbidden"));

        Assert.Null(await Reader().GetAttendanceAsync(Organizer, JoinUrl, CancellationToken.None));
        Assert.Equal(2, _fake.Requests.Count);
    }

    [Fact]
    public async Task GetAttendanceAsync_NoMeetingForJoinUrl_ReturnsNull()
    {
        Assert.Null(await Reader().GetAttendanceAsync(Organizer, "https://teams.microsoft.com/l/meetup-join/other", CancellationToken.None));
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task GetAttendanceAsync_NoReportYet_ReturnsNull()
    {
        _fake.Reports[MeetingId] = [];

        Assert.Null(await Reader().GetAttendanceAsync(Organizer, MeetingId, CancellationToken.None));
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task GetAttendanceAsync_Throttled_HonoursRetryAfter()
    {
        _fake.Enqueue(ScriptedReply.Error(429, "TooManyRequests", retryAfter: "3"));

        var read = Reader().GetAttendanceAsync(Organizer, MeetingId, CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(3), await _clock.NextDelayAsync());
        _clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(3, (await read.WaitAsync(TestClock.SafetyTimeout))!.Count);
    }

    [Fact]
    public async Task GetAttendanceAsync_Repeated500_ThrowsRequestFailedAfterBoundedRetries()
    {
        _fake.Fallback = ScriptedReply.Error(500, "InternalServerError");

        var read = Reader().GetAttendanceAsync(Organizer, JoinUrl, CancellationToken.None);
        await _clock.RunUntilAsync(read.ContinueWith(_ => { }, TaskScheduler.Default));

        var error = await Assert.ThrowsAsync<GraphRequestFailedException>(() => read);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal("FindMeeting", error.Operation);
        Assert.Equal(3, _fake.Requests.Count);
        Assert.DoesNotContain(FakeGraph.LeakyText, error.ToString(), StringComparison.Ordinal);
    }

    private IAttendanceReader Reader() => GraphTestKit.Reader(GraphTestKit.Options(_fake), _clock, _logs);
}
