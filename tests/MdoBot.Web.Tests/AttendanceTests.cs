using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static MdoBot.Web.Tests.MeetingChat;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Web.Tests;

public sealed class AttendanceTests : MeetingChatTest
{
    private readonly FakeAttendance _attendance = new();

    protected override Task<BotApp> StartAppAsync() => BotApp.StartAsync(services: s =>
    {
        s.RemoveAll<IAttendanceSource>();
        s.AddSingleton<IAttendanceSource>(_attendance);
    });

    protected override async Task ArrangeAsync()
    {
        await Chat.SayAsync(Chair, "agenda");
        var editor = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"))).Card!;
        var add = ActionData(editor, "agenda.addCase");
        add["code"] = "Gezin A";
        await Chat.InvokeAsync(Chair, add);
        await Chat.SayAsync(Chair, "start");
        await Chat.SayAsync(Chair, "afronden");
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("Samenvatting"));
    }

    [Fact]
    public async Task AfterMeeting_ReportAvailable_SummaryShowsAttendance()
    {
        App.Connector.Meetings[Chat.MeetingId] = ("https://teams.microsoft.com/l/meetup-join/abc", "aad-organizer");
        _attendance.Lines = [new AttendanceLine(Chair.Name, 55), new AttendanceLine(Nurse.Name, 40)];

        App.Time.Advance(AttendanceTimer.Delay + TimeSpan.FromSeconds(1));

        var update = await App.Connector.WaitForAsync(c => c.Kind == "update" && c.IsCard("Aanwezig (2)"));
        Assert.Contains("55 min", update.Json, StringComparison.Ordinal);
        Assert.Equal(("aad-organizer", "https://teams.microsoft.com/l/meetup-join/abc"), _attendance.Asked);
    }

    [Fact]
    public async Task AfterMeeting_NoMeetingInfo_SkipsQuietly()
    {
        App.Time.Advance(AttendanceTimer.Delay + TimeSpan.FromSeconds(1));
        await App.Connector.WaitForAsync(c => c.Kind == "meeting"); // the timer asked Teams for the meeting: 404
        await Chat.SayAsync(Chair, "help");
        await App.Connector.WaitForAsync(c => c.IsCard("Commando"));
        Assert.DoesNotContain(App.Connector.Calls, c => c.IsCard("Aanwezig"));
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
