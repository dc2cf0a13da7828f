using System.Runtime.ExceptionServices;
using MdoBot.BotFramework.Hosting;
using MdoBot.Testing;

namespace MdoBot.Teams.Tests.Connector;

/// <summary>The wake-up of the background loops (outbox delivery, timers): a signal, a timeout, or the host stopping.</summary>
public sealed class WorkSignalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_signal_given_before_the_wait_ends_it_at_once_and_is_used_up()
    {
        var clock = new TestClock();
        var signal = new WorkSignal();
        signal.Notify();
        signal.Notify(); // coalesces with the first

        await signal.WaitAsync(Timeout, clock, CancellationToken.None).WaitAsync(TestClock.SafetyTimeout);

        var second = signal.WaitAsync(Timeout, clock, CancellationToken.None);
        Assert.Equal(Timeout, await clock.NextDelayAsync());
        Assert.False(second.IsCompleted);
        clock.Advance(Timeout);
        await second.WaitAsync(TestClock.SafetyTimeout);
        Assert.Equal(Timeout, clock.Elapsed);
    }

    [Fact]
    public async Task A_signal_during_the_wait_ends_it_before_the_timeout()
    {
        var clock = new TestClock();
        var signal = new WorkSignal();
        var wait = signal.WaitAsync(Timeout, clock, CancellationToken.None);
        await clock.NextDelayAsync();
        Assert.False(wait.IsCompleted);

        signal.Notify();

        await wait.WaitAsync(TestClock.SafetyTimeout);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [Fact]
    public async Task Stopping_the_host_ends_the_wait_with_a_cancellation()
    {
        var clock = new TestClock();
        var signal = new WorkSignal();
        using var stopping = new CancellationTokenSource();
        var wait = signal.WaitAsync(Timeout, clock, stopping.Token);
        await clock.NextDelayAsync();

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TestClock.SafetyTimeout));
    }

    [Fact]
    public async Task Waking_up_throws_no_exception_inside()
    {
        // Every committed turn wakes the outbox loop; an exception thrown and caught at each wake-up cost CPU on the
        // hot path. Counted only on this test's own async flow (other tests run in parallel in the same process).
        var clock = new TestClock();
        var signal = new WorkSignal();
        var thrown = 0;
        var mine = new AsyncLocal<bool>();
        void Count(object? sender, FirstChanceExceptionEventArgs e)
        {
            if (mine.Value)
            {
                Interlocked.Increment(ref thrown);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            mine.Value = true;
            var bySignal = signal.WaitAsync(Timeout, clock, CancellationToken.None);
            await clock.NextDelayAsync();
            signal.Notify();
            await bySignal.WaitAsync(TestClock.SafetyTimeout);

            var byTimeout = signal.WaitAsync(Timeout, clock, CancellationToken.None);
            await clock.NextDelayAsync();
            clock.Advance(Timeout);
            await byTimeout.WaitAsync(TestClock.SafetyTimeout);
            mine.Value = false;
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.Equal(0, Volatile.Read(ref thrown));
    }
}
