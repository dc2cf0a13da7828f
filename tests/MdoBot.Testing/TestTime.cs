using Microsoft.Extensions.Time.Testing;

namespace MdoBot.Testing;

/// <summary>
/// The tests' manual clock is <see cref="FakeTimeProvider"/> (it moves only on <c>Advance</c>/<c>SetUtcNow</c>
/// and fires due timers inside those calls); this only fixes the moment every test starts from.
/// </summary>
public static class TestTime
{
    /// <summary>Monday 23 November 2026, 09:00 UTC: the date the golden cards and mail subjects show.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create(DateTimeOffset? start = null) => new(start ?? Start);
}
