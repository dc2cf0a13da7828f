using MdoBot.Testing;
using MdoBot.BotFramework.Connector;

namespace MdoBot.Teams.Tests.Connector;

public sealed class ConversationRateLimiterTests
{
    private readonly TestClock _clock = new();

    [Fact]
    public async Task Sustained_sends_keep_every_teams_window()
    {
        var limiter = new ConversationRateLimiter(_clock);
        var sent = new List<TimeSpan>();

        var work = Task.Run(async () =>
        {
            for (var i = 0; i < 130; i++)
            {
                using var turn = await limiter.EnterAsync("a:steady", CancellationToken.None);
                await turn.WaitForSlotAsync(CancellationToken.None);
                sent.Add(_clock.Elapsed);
            }
        });
        await _clock.RunUntilAsync(work);

        AssertAtMost(sent, 7, TimeSpan.FromSeconds(1));
        AssertAtMost(sent, 8, TimeSpan.FromSeconds(2));
        AssertAtMost(sent, 60, TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30), sent[60]); // the 61st waits for the 30-second window
        Assert.Equal(TimeSpan.FromSeconds(60), sent[120]);
    }

    [Fact]
    public async Task TimeUntilSlot_tells_the_wait_without_taking_a_slot()
    {
        var limiter = new ConversationRateLimiter(_clock);
        Assert.Equal(TimeSpan.Zero, limiter.TimeUntilSlot("a:peek")); // never seen: free

        for (var i = 0; i < 7; i++)
        {
            using var turn = await limiter.EnterAsync("a:peek", CancellationToken.None);
            await turn.WaitForSlotAsync(CancellationToken.None); // the clock stands still: 7 go at once
        }

        Assert.Equal(TimeSpan.FromSeconds(1), limiter.TimeUntilSlot("a:peek"));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.TimeUntilSlot("a:peek")); // asking takes nothing
        Assert.Equal(TimeSpan.Zero, limiter.TimeUntilSlot("a:other"));

        _clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(TimeSpan.FromMilliseconds(600), limiter.TimeUntilSlot("a:peek"));
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal(TimeSpan.Zero, limiter.TimeUntilSlot("a:peek"));
    }

    [Fact]
    public async Task Callers_get_their_turn_in_arrival_order()
    {
        var limiter = new ConversationRateLimiter(_clock);
        var first = await limiter.EnterAsync("a:1", CancellationToken.None);
        var order = new List<int>();
        var waiting = Enumerable.Range(1, 5).Select(async i =>
        {
            using var turn = await limiter.EnterAsync("a:1", CancellationToken.None);
            order.Add(i);
        }).ToList();

        Assert.All(waiting, t => Assert.False(t.IsCompleted));
        first.Dispose();
        await Task.WhenAll(waiting).WaitAsync(TestClock.SafetyTimeout);

        Assert.Equal([1, 2, 3, 4, 5], order);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_without_blocking_it()
    {
        var limiter = new ConversationRateLimiter(_clock);
        var first = await limiter.EnterAsync("a:1", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.EnterAsync("a:1", cancel.Token).AsTask();
        var third = limiter.EnterAsync("a:1", CancellationToken.None).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        first.Dispose();

        using var turn = await third.WaitAsync(TestClock.SafetyTimeout);
        await turn.WaitForSlotAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Idle_conversations_are_forgotten()
    {
        var limiter = new ConversationRateLimiter(_clock);
        for (var i = 0; i < 50; i++)
        {
            using var turn = await limiter.EnterAsync($"a:{i}", CancellationToken.None);
            await turn.WaitForSlotAsync(CancellationToken.None);
        }

        Assert.Equal(50, limiter.TrackedConversations);
        _clock.Advance(TimeSpan.FromMinutes(59));
        using (var fresh = await limiter.EnterAsync("a:fresh", CancellationToken.None))
        {
            await fresh.WaitForSlotAsync(CancellationToken.None);
        }

        Assert.Equal(51, limiter.TrackedConversations); // all still inside the hourly window

        _clock.Advance(TimeSpan.FromMinutes(2));
        (await limiter.EnterAsync("a:other", CancellationToken.None)).Dispose();
        Assert.Equal(2, limiter.TrackedConversations); // "a:fresh" sent recently; "a:other" is being entered
    }

    private static void AssertAtMost(List<TimeSpan> sent, int limit, TimeSpan window)
    {
        foreach (var start in sent)
        {
            var inWindow = sent.Count(t => t >= start && t < start + window);
            Assert.True(inWindow <= limit, $"{inWindow} sends within {window} from {start}");
        }
    }
}
