using MdoBot.Teams.MdoFlow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

public sealed class AttendanceTests : IAsyncLifetime
{
    private readonly FakeAttendance _attendance = new();
    private BotApp _app = null!;
    private MeetingChat _chat = null!;

    public async Task InitializeAsync()
    {
        _app = await BotApp.StartAsync(services: s =>
        {
            s.RemoveAll<IAttendanceSource>();
            s.AddSingleton<IAttendanceSource>(_attendance);
        });
        _chat = new MeetingChat(_app);
        _chat.RegisterMembers();
        await _chat.InstallAsync();
        await _chat.SayAsync(Chair, "agenda");
        var editor = (await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"))).Card!;
        var add = ActionData(editor, "agenda.addCase");
        add["code"] = "Gezin A";
        await _chat.InvokeAsync(Chair, add);
        await _chat.SayAsync(Chair, "start");
        await _chat.SayAsync(Chair, "afronden");
        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("Samenvatting"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AfterMeeting_ReportAvailable_SummaryShowsAttendance()
    {
        _app.Connector.Meetings[_chat.MeetingId] = ("https://teams.microsoft.com/l/meetup-join/abc", "aad-organizer");
        _attendance.Lines = [new AttendanceLine(Chair.Name, 55), new AttendanceLine(Nurse.Name, 40)];

        _app.Time.Advance(AttendanceTimer.Delay + TimeSpan.FromSeconds(1));

        var update = await _app.Connector.WaitForAsync(c => c.Kind == "update" && c.IsCard("Aanwezig (2)"));
        Assert.Contains("55 min", update.Json, StringComparison.Ordinal);
        Assert.Equal(("aad-organizer", "https://teams.microsoft.com/l/meetup-join/abc"), _attendance.Asked);
    }

    [Fact]
    public async Task AfterMeeting_NoMeetingInfo_SkipsQuietly()
    {
        _app.Time.Advance(AttendanceTimer.Delay + TimeSpan.FromSeconds(1));
        await _app.Connector.WaitForAsync(c => c.Kind == "meeting"); // the timer asked Teams for the meeting: 404
        await _chat.SayAsync(Chair, "help");
        await _app.Connector.WaitForAsync(c => c.IsCard("Commando"));
        Assert.DoesNotContain(_app.Connector.Calls, c => c.IsCard("Aanwezig"));
        Assert.Null(_attendance.Asked);
    }

    private sealed class FakeAttendance : IAttendanceSource
    {
        public IReadOnlyList<AttendanceLine>? Lines { get; set; }

        public (string, string)? Asked { get; private set; }

        public Task<IReadOnlyList<AttendanceLine>?> GetAsync(string organizerAadObjectId, string joinUrl, CancellationToken ct)
        {
            Asked = (organizerAadObjectId, joinUrl);
            return Task.FromResult(Lines);
        }
    }
}
