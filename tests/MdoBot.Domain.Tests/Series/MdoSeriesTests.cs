using System.Text.Json;
using MdoBot.Domain.Mdo;
using MdoBot.Domain.Series;

namespace MdoBot.Domain.Tests;

public sealed class MdoSeriesTests
{
    [Fact]
    public void AddCoordinator_ByChair_AddedOnceAndRoundTrips()
    {
        var series = new MdoSeries("19:meeting_x@thread.v2");
        var latest = Given.PlannedMdo();

        Assert.True(series.AddCoordinator(Given.Chair, Given.Nurse, latest));
        Assert.False(series.AddCoordinator(Given.Chair, Given.Nurse, latest));

        var copy = JsonSerializer.Deserialize<MdoSeries>(JsonSerializer.Serialize(series, Given.Web), Given.Web)!;
        Assert.True(copy.IsCoordinator(Given.Nurse.Id));
        Assert.True(copy.CanOversee(Given.Nurse.Id, null));
        Assert.True(copy.CanOversee(Given.Chair.Id, latest));
        Assert.False(copy.CanOversee(Given.Pro.Id, latest));
    }

    [Fact]
    public void AddCoordinator_ByNonChair_Refused()
    {
        var series = new MdoSeries("19:meeting_x@thread.v2");
        Given.Refused(MdoError.NotChair, () => series.AddCoordinator(Given.Pro, Given.Nurse, Given.PlannedMdo()));
        Assert.Empty(series.Coordinators);
    }
}
