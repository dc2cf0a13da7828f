using MdoBot.Teams.Handlers.FollowUp;
using static MdoBot.Teams.Tests.Cards.Mdo.MdoSamples;

namespace MdoBot.Teams.Tests.Cards.FollowUp;

public sealed class ReminderMomentTests
{
    [Theory]
    [InlineData(2026, 11, 24, 9, "2026-11-24T08:00:00+00:00")] // winter time, UTC+1
    [InlineData(2026, 6, 15, 9, "2026-06-15T07:00:00+00:00")] // summer time, UTC+2
    [InlineData(2026, 3, 29, 2, "2026-03-29T01:00:00+00:00")] // 02:00 does not exist that night: 03:00 summer time
    public void At_LocalHourInAmsterdam(int year, int month, int day, int hour, string expectedUtc)
    {
        var at = ActionReminders.At(new DateOnly(year, month, day), hour, Amsterdam);

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), at);
    }

    [Fact]
    public void Keys_PerMdoAndAction()
    {
        Assert.Equal("remind:m1:a2", ActionReminders.ReminderKey("m1", "a2"));
        Assert.Equal("due:m1:a2", ActionReminders.DueKey("m1", "a2"));
        Assert.Equal("overdue:m1:a2", ActionReminders.OverdueKey("m1", "a2"));
    }
}
