using System.Globalization;

namespace MdoBot.Web;

/// <summary>
/// Development only: a clock that runs <see cref="Scale"/> times faster than real time (from the
/// moment MdoBot starts), so that a 20-minute time box can be watched in a demo or an end-to-end
/// test without waiting. Enabled by <c>Development:TimeScale</c>, refused when an app id is configured.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly DateTimeOffset _origin;
    private readonly long _originTimestamp;
    private readonly TimeSpan _originOffset;

    /// <param name="origin">
    /// The moment from which the clock runs faster. Keep it across restarts (see
    /// <see cref="LoadOrCreateOrigin"/>) so that stored times stay consistent: the scaled time is a
    /// function of the wall clock, not of the process's uptime.
    /// </param>
    public ScaledTimeProvider(TimeProvider inner, double scale, DateTimeOffset? origin = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 3600);
        _inner = inner;
        Scale = scale;
        _origin = origin ?? inner.GetUtcNow();
        _originTimestamp = inner.GetTimestamp();
        _originOffset = (inner.GetUtcNow() - _origin) * scale;
    }

    public double Scale { get; }

    public override DateTimeOffset GetUtcNow() => _origin + _originOffset + (_inner.GetElapsedTime(_originTimestamp) * Scale);

    /// <summary>Reads the origin kept in <paramref name="path"/>, or writes the current wall time there on first use.</summary>
    public static DateTimeOffset LoadOrCreateOrigin(string path, TimeProvider wall)
    {
        ArgumentNullException.ThrowIfNull(wall);
        if (File.Exists(path) && DateTimeOffset.TryParse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.RoundtripKind, out var kept))
        {
            return kept;
        }

        var origin = wall.GetUtcNow();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, origin.ToString("O", CultureInfo.InvariantCulture));
        return origin;
    }

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override long GetTimestamp() =>
        _originTimestamp + (long)((_inner.GetTimestamp() - _originTimestamp) * Scale);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, Shrink(dueTime), Shrink(period));

    private TimeSpan Shrink(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / Scale;
}
