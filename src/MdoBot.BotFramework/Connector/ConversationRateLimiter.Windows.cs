namespace MdoBot.BotFramework.Connector;

/// <summary>The sliding-window arithmetic and the clean-up of idle conversations.</summary>
public sealed partial class ConversationRateLimiter
{
    /// <summary>Takes a slot when every window allows it (returns zero); otherwise returns how long to wait.</summary>
    private TimeSpan TryTakeSlot(ConversationState state)
    {
        lock (_gate)
        {
            var now = Now();
            var wait = WaitUnderLock(state, now);
            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            state.Sent.Add(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>
    /// How long the next request to the conversation would wait for a slot now (zero: it may go at once). Takes no
    /// slot: a caller that would wait long can leave and come back after that time instead of holding on.
    /// </summary>
    public TimeSpan TimeUntilSlot(string conversationKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        lock (_gate)
        {
            return _states.TryGetValue(conversationKey, out var state) ? WaitUnderLock(state, Now()) : TimeSpan.Zero;
        }
    }

    /// <summary>The limiter's clock, for a caller that waits out <see cref="TimeUntilSlot"/> elsewhere.</summary>
    internal TimeProvider Time => _time;

    // Called under the lock: the time until every window allows one more send.
    private TimeSpan WaitUnderLock(ConversationState state, TimeSpan now)
    {
        state.Forget(now - _longestWindow);
        var earliest = now;
        foreach (var rule in _rules)
        {
            var count = state.Sent.Count;
            if (count >= rule.Limit && state.Sent[count - rule.Limit] + rule.Window is var free && free > earliest)
            {
                earliest = free;
            }
        }

        return earliest - now;
    }

    // Monotonic "now" on the injected clock, so wall-clock jumps cannot open or close windows.
    private TimeSpan Now() => TimeSpan.FromTicks((long)((Int128)_time.GetTimestamp() * TimeSpan.TicksPerSecond / _time.TimestampFrequency));

    // Called under the lock. Drops conversations nobody uses whose sends have all left every window.
    private void SweepIfDue(TimeSpan now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + SweepInterval;
        foreach (var (key, state) in _states)
        {
            if (!state.Busy && state.Waiters.Count == 0 && state.IsIdleSince(now - _longestWindow))
            {
                _states.Remove(key);
            }
        }
    }
}
