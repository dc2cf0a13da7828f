namespace MdoBot.BotFramework.Connector;

public sealed partial class ConversationRateLimiter
{
    /// <summary>At most <paramref name="Limit"/> sends in any sliding <paramref name="Window"/>.</summary>
    internal readonly record struct RateRule(int Limit, TimeSpan Window);

    /// <summary>One caller's turn on a conversation. Dispose it to let the next caller in.</summary>
    public sealed class Turn : IDisposable
    {
        private readonly ConversationRateLimiter _owner;
        private readonly ConversationState _state;
        private int _disposed;

        internal Turn(ConversationRateLimiter owner, ConversationState state)
        {
            _owner = owner;
            _state = state;
        }

        /// <summary>Waits on the limiter's clock until a request may go out now, and counts it.</summary>
        public async ValueTask WaitForSlotAsync(CancellationToken ct)
        {
            while (true)
            {
                ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
                var delay = _owner.TryTakeSlot(_state);
                if (delay <= TimeSpan.Zero)
                {
                    return;
                }

                await Task.Delay(delay, _owner._time, ct).ConfigureAwait(false);
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _owner.PassTurn(_state);
            }
        }
    }

    /// <summary>Per-conversation state; guarded by the limiter's lock.</summary>
    internal sealed class ConversationState
    {
        public bool Busy { get; set; }

        public LinkedList<TaskCompletionSource> Waiters { get; } = new();

        /// <summary>Times of the sends still inside the longest window, oldest first.</summary>
        public List<TimeSpan> Sent { get; } = [];

        public void Forget(TimeSpan olderThanOrAt)
        {
            var stale = 0;
            while (stale < Sent.Count && Sent[stale] <= olderThanOrAt)
            {
                stale++;
            }

            Sent.RemoveRange(0, stale);
        }

        public bool IsIdleSince(TimeSpan cutoff) => Sent.Count == 0 || Sent[^1] <= cutoff;
    }
}
