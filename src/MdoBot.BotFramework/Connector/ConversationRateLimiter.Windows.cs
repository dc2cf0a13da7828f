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

            if (earliest > now)
            {
                return earliest - now;
            }

            state.Sent.Add(now);
            return TimeSpan.Zero;
        }
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
