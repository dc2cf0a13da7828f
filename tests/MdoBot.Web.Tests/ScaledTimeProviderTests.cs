using MdoBot.Testing;

using MdoBot.Web;
using Microsoft.Extensions.Time.Testing;

namespace MdoBot.Web.Tests;

public sealed class ScaledTimeProviderTests
{
    [Fact]
    public void GetUtcNow_Scale60_OneRealSecondIsOneMinute()
    {
        var real = TestTime.Create();
        var start = real.GetUtcNow();
        var fast = new ScaledTimeProvider(real, 60);

        real.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(start.AddMinutes(1), fast.GetUtcNow());
    }

    [Fact]
    public void CreateTimer_Scale60_FiresAfterScaledRealTime()
    {
        var real = TestTime.Create();
        var fast = new ScaledTimeProvider(real, 60);
        var fired = 0;
        using var timer = fast.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

        real.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(0, fired);
        real.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(1, fired);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(10_000)]
    public void Constructor_ScaleOutOfRange_Throws(double scale) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(TimeProvider.System, scale));
}

public sealed class ScaledTimeProviderOriginTests
{
    [Fact]
    public void GetUtcNow_RestartWithKeptOrigin_ContinuesFromWallClock()
    {
        var wall = TestTime.Create();
        var origin = wall.GetUtcNow();
        var first = new ScaledTimeProvider(wall, 60, origin);
        wall.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(origin.AddMinutes(10), first.GetUtcNow());

        // "Down" for 5 real seconds, then a new process with the same origin.
        wall.Advance(TimeSpan.FromSeconds(5));
        var restarted = new ScaledTimeProvider(wall, 60, origin);
        Assert.Equal(origin.AddMinutes(15), restarted.GetUtcNow());
    }

    [Fact]
    public void LoadOrCreateOrigin_SecondCall_ReturnsKeptValue()
    {
        var path = Path.Combine(Path.GetTempPath(), "mdobot-clock-" + Guid.NewGuid().ToString("N"));
        var wall = TestTime.Create();
        try
        {
            var created = ScaledTimeProvider.LoadOrCreateOrigin(path, wall);
            wall.Advance(TimeSpan.FromHours(1));
            Assert.Equal(created, ScaledTimeProvider.LoadOrCreateOrigin(path, wall));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
