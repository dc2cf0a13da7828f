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

    public ScaledTimeProvider(TimeProvider inner, double scale)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 3600);
        _inner = inner;
        Scale = scale;
        _origin = inner.GetUtcNow();
        _originTimestamp = inner.GetTimestamp();
    }

    public double Scale { get; }

    public override DateTimeOffset GetUtcNow() => _origin + (_inner.GetElapsedTime(_originTimestamp) * Scale);

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override long GetTimestamp() =>
        _originTimestamp + (long)((_inner.GetTimestamp() - _originTimestamp) * Scale);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, Shrink(dueTime), Shrink(period));

    private TimeSpan Shrink(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / Scale;
}
