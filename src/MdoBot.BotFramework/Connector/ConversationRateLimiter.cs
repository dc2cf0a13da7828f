namespace MdoBot.BotFramework.Connector;

/// <summary>
/// Keeps MdoBot within Teams' per-bot, per-conversation limits (7 per 1 s, 8 per 2 s, 60 per 30 s,
/// 1800 per hour) by queueing, never by rejecting. Callers of one conversation take turns in
/// arrival order (<see cref="EnterAsync"/>); the turn holder waits for a free slot before each
/// request (<see cref="Turn.WaitForSlotAsync"/>). Conversations idle for longer than the longest
/// window are forgotten, so memory stays bounded by recently active conversations.
/// </summary>
public sealed partial class ConversationRateLimiter
{
    private static readonly RateRule[] TeamsRules =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConversationState> _states = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly RateRule[] _rules;
    private readonly TimeSpan _longestWindow;
    private TimeSpan _nextSweep;

    public ConversationRateLimiter(TimeProvider time)
        : this(time, TeamsRules)
    {
    }

    internal ConversationRateLimiter(TimeProvider time, IReadOnlyList<RateRule> rules)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfZero(rules.Count);
        _time = time;
        _rules = [.. rules];
        _longestWindow = _rules.Max(r => r.Window);
    }

    /// <summary>Number of conversations whose state is kept (for tests and diagnostics).</summary>
    internal int TrackedConversations
    {
        get
        {
            lock (_gate)
            {
                return _states.Count;
            }
        }
    }

    /// <summary>Waits (FIFO per conversation) for this caller's turn. Dispose the turn to pass it on.</summary>
    public async ValueTask<Turn> EnterAsync(string conversationKey, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        ct.ThrowIfCancellationRequested();
        ConversationState state;
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_gate)
        {
            SweepIfDue(Now());
            if (!_states.TryGetValue(conversationKey, out state!))
            {
                state = new ConversationState();
                _states.Add(conversationKey, state);
            }

            if (!state.Busy)
            {
                state.Busy = true;
                return new Turn(this, state);
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = state.Waiters.AddLast(waiter);
        }

        using (ct.Register(() => CancelWaiter(state, node, ct)))
        {
            await waiter.Task.ConfigureAwait(false);
        }

        return new Turn(this, state);
    }

    private void CancelWaiter(ConversationState state, LinkedListNode<TaskCompletionSource> node, CancellationToken ct)
    {
        lock (_gate)
        {
            if (node.List is null)
            {
                return; // the turn was already handed to this waiter; it will pass it on when disposed
            }

            state.Waiters.Remove(node);
        }

        node.Value.TrySetCanceled(ct);
    }

    private void PassTurn(ConversationState state)
    {
        TaskCompletionSource? next = null;
        lock (_gate)
        {
            if (state.Waiters.First is { } first)
            {
                state.Waiters.RemoveFirst();
                next = first.Value;
            }
            else
            {
                state.Busy = false;
            }
        }

        next?.TrySetResult(); // continuations run asynchronously, outside the lock
    }
}
