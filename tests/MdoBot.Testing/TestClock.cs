using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace MdoBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports each short delay the code under test starts
/// (Polly back-off, Retry-After and rate-limiter waits), so a test can wait for the delay and advance exactly to it.
/// Long timers (per-attempt time-outs, 5 min or more) are not reported. A wrapper because
/// <see cref="FakeTimeProvider"/> has no way to observe a timer being armed.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LongestReported = TimeSpan.FromMinutes(5);

    private readonly Channel<DateTimeOffset> _dueTimes = Channel.CreateUnbounded<DateTimeOffset>();

    public FakeTimeProvider Manual { get; } = TestTime.Create();

    public DateTimeOffset Start { get; } = TestTime.Create().GetUtcNow();

    public TimeSpan Elapsed => GetUtcNow() - Start;

    public override DateTimeOffset GetUtcNow() => Manual.GetUtcNow();

    public override long GetTimestamp() => Manual.GetTimestamp();

    public override long TimestampFrequency => Manual.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Manual.LocalTimeZone;

    public void Advance(TimeSpan by) => Manual.Advance(by);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ReportingTimer(this, Manual.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, period));
        timer.Change(dueTime, period);
        return timer;
    }

    private void Report(TimeSpan dueTime)
    {
        if (dueTime > TimeSpan.Zero && dueTime < LongestReported)
        {
            _dueTimes.Writer.TryWrite(Manual.GetUtcNow() + dueTime);
        }
    }

    /// <summary>Waits (real time, bounded) for the next delay to start; returns its length from now.</summary>
    public async Task<TimeSpan> NextDelayAsync()
    {
        var due = await _dueTimes.Reader.ReadAsync().AsTask().WaitAsync(SafetyTimeout);
        return due - GetUtcNow();
    }

    /// <summary>Waits for the next delay to start and moves the clock to the moment it falls due.</summary>
    public async Task AdvanceToNextDelayAsync()
    {
        var step = await NextDelayAsync();
        Advance(step > TimeSpan.Zero ? step : TimeSpan.Zero);
    }

    /// <summary>Advances the clock delay by delay, as the code under test starts them, until <paramref name="work"/> ends.</summary>
    public async Task RunUntilAsync(Task work)
    {
        using var stop = new CancellationTokenSource();
        while (!work.IsCompleted)
        {
            var next = _dueTimes.Reader.ReadAsync(stop.Token).AsTask();
            if (await Task.WhenAny(work, next).WaitAsync(SafetyTimeout) == next)
            {
                var step = await next - GetUtcNow();
                Advance(step > TimeSpan.Zero ? step : TimeSpan.Zero);
            }
        }

        await stop.CancelAsync();
        await work;
    }

    /// <summary>Reports every (re)scheduling, e.g. <c>CancellationTokenSource</c> time-outs set through Change.</summary>
    private sealed class ReportingTimer(TestClock owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Report(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
