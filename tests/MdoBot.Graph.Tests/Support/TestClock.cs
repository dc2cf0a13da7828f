using System.Threading.Channels;
using MdoBot.Testing;

namespace MdoBot.Graph.Tests.Support;

/// <summary>
/// A <see cref="ManualTimeProvider"/> that also reports each short delay the code under test starts
/// (Polly back-off, Retry-After waits), so a test can wait for the delay and advance exactly to it.
/// Long timers (attempt time-outs of 5 min or more) are not reported.
/// </summary>
internal sealed class TestClock : TimeProvider
{
    public static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LongestReported = TimeSpan.FromMinutes(5);

    private readonly Channel<DateTimeOffset> _dueTimes = Channel.CreateUnbounded<DateTimeOffset>();

    public ManualTimeProvider Manual { get; } = new();

    public DateTimeOffset Start { get; } = new ManualTimeProvider().GetUtcNow();

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

    /// <summary>Waits (real time, bounded) for the next delay to start; returns its length from now.</summary>
    public async Task<TimeSpan> NextDelayAsync()
    {
        var due = await _dueTimes.Reader.ReadAsync().AsTask().WaitAsync(SafetyTimeout);
        return due - GetUtcNow();
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

    private void Report(TimeSpan dueTime)
    {
        if (dueTime > TimeSpan.Zero && dueTime < LongestReported)
        {
            _dueTimes.Writer.TryWrite(Manual.GetUtcNow() + dueTime);
        }
    }

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
