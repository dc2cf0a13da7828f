using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Outbox_Delivered_RecordsCardActivityIdAndRemovesItem()
    {
        var store = await NewStoreAsync();
        var changes = new ChangeSet();
        changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, "{\"a\":1}", CardKey: "agenda"));
        changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, "{\"a\":2}"));
        await store.CommitAsync(changes);

        var pending = await store.GetPendingAsync(10);
        Assert.Equal(["{\"a\":1}", "{\"a\":2}"], pending.Select(p => p.ActivityJson));
        await store.MarkDeliveredAsync([new DeliveredItem(pending[0], "act-9", null)]);
        Assert.True(await ParkAsync(store, pending[1]));

        Assert.Empty(await store.GetPendingAsync(10));
        Assert.Equal("act-9", await store.GetPostedActivityIdAsync("conv-1", "agenda"));
        Assert.Null(await store.GetPostedActivityIdAsync("conv-1", "other"));
    }

    [Fact]
    public async Task Outbox_Pending_InCommitOrderWithLimitAndAllFields()
    {
        var store = await NewStoreAsync();
        for (var i = 1; i <= 3; i++)
        {
            var changes = new ChangeSet();
            changes.Enqueue(new OutboxItem($"conv-{i}", "http://x/", OutboxOperation.SendPersonal, $"{{\"n\":{i}}}", $"card-{i}", "29:u", "tenant"));
            await store.CommitAsync(changes);
        }

        var first = await store.GetPendingAsync(2);
        Assert.Equal(["conv-1", "conv-2"], first.Select(p => p.ConversationId));
        Assert.True(first[0].Id > 0 && first[1].Id > first[0].Id);
        var expected = new OutboxItem("conv-1", "http://x/", OutboxOperation.SendPersonal, "{\"n\":1}", "card-1", "29:u", "tenant")
        {
            Id = first[0].Id,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(Time.GetUtcNow().ToUnixTimeMilliseconds()),
        };
        Assert.Equal(expected, first[0]);
        Assert.Equal(3, (await store.GetPendingAsync(10)).Count);
    }

    [Fact]
    public async Task Outbox_FailedTemporarily_StaysPendingAndCountsAttempts()
    {
        var store = await NewStoreAsync();
        var changes = new ChangeSet();
        changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, "{}"));
        await store.CommitAsync(changes);

        var item = Assert.Single(await store.GetPendingAsync(10));
        Assert.Equal(0, item.Attempts);
        var notBefore = Time.GetUtcNow().AddSeconds(10);
        Assert.True(await DeferAsync(store, item, Time.GetUtcNow().AddSeconds(3)));
        Assert.True(await DeferAsync(store, item, notBefore));

        Assert.Equal(2, Assert.Single(await store.GetPendingAsync(10)).Attempts);
        Assert.Equal(notBefore.ToUnixTimeMilliseconds(), (await store.GetNotBeforeAsync("conv-1"))?.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Outbox_PersonalChatCreated_RemembersChatAndCardThere()
    {
        var store = await NewStoreAsync();
        var changes = new ChangeSet();
        changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.SendPersonal, "{}", "todo", "29:u1", "tenant"));
        await store.CommitAsync(changes);
        Assert.Null(await store.GetPersonalConversationAsync("29:u1"));

        var item = Assert.Single(await store.GetPendingAsync(10));
        await store.MarkDeliveredAsync([new DeliveredItem(item, "act-1", "a:1on1")]);
        Assert.Equal("a:1on1", await store.GetPersonalConversationAsync("29:u1"));
        Assert.Equal("act-1", await store.GetPostedActivityIdAsync("a:1on1", "todo"));

        var update = new ChangeSet();
        update.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.SendPersonal, "{}", "todo", "29:u1", "tenant"));
        await store.CommitAsync(update);
        await store.MarkDeliveredAsync([new DeliveredItem(Assert.Single(await store.GetPendingAsync(10)), "act-2", "a:1on1-new")]);
        Assert.Equal("a:1on1-new", await store.GetPersonalConversationAsync("29:u1"));
        Assert.Equal("act-2", await store.GetPostedActivityIdAsync("a:1on1-new", "todo"));
    }

    [Fact]
    public async Task Timers_FireOnce_SecondFiringIsDuplicate()
    {
        var store = await NewStoreAsync();
        var due = Time.GetUtcNow().AddMinutes(15);
        var schedule = new ChangeSet();
        schedule.Schedule(new TimerRecord("warn:1", "timebox.warning", due, "conv-1", "{}"));
        await store.CommitAsync(schedule);

        Assert.Equal(due, await store.GetNextDueAsync());
        Assert.Empty(await store.GetDueAsync(due.AddSeconds(-1), 10));
        Assert.Equal(new TimerRecord("warn:1", "timebox.warning", due, "conv-1", "{}"), Assert.Single(await store.GetDueAsync(due, 10)));

        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(new ChangeSet { FiredTimerKey = "warn:1" }));
        Assert.Equal(CommitOutcome.Duplicate, await store.CommitAsync(new ChangeSet { FiredTimerKey = "warn:1" }));
        Assert.Null(await store.GetNextDueAsync());
    }

    [Fact]
    public async Task Timers_RescheduledAndCancelled_ReplaceAndRemove()
    {
        var store = await NewStoreAsync();
        var now = Time.GetUtcNow();
        var first = new ChangeSet();
        first.Schedule(new TimerRecord("a", "k1", now.AddMinutes(5), "conv-1", "{\"v\":1}"));
        first.Schedule(new TimerRecord("b", "k", now.AddMinutes(1), "conv-1", "{}"));
        await store.CommitAsync(first);

        var again = new ChangeSet();
        again.Schedule(new TimerRecord("a", "k2", now.AddMinutes(2), "conv-1", "{\"v\":2}"));
        again.CancelTimer("b");
        again.CancelTimer("never-scheduled");
        await store.CommitAsync(again);

        var due = await store.GetDueAsync(now.AddHours(1), 10);
        Assert.Equal(new TimerRecord("a", "k2", now.AddMinutes(2), "conv-1", "{\"v\":2}"), Assert.Single(due));
        Assert.Equal(now.AddMinutes(2), await store.GetNextDueAsync());
    }

    [Fact]
    public async Task Timers_Due_InDueOrderWithLimit()
    {
        var store = await NewStoreAsync();
        var now = Time.GetUtcNow();
        var changes = new ChangeSet();
        foreach (var minutes in new[] { 3, 1, 2 })
        {
            changes.Schedule(new TimerRecord($"t{minutes}", "k", now.AddMinutes(minutes), "conv-1", "{}"));
        }

        await store.CommitAsync(changes);
        Assert.Equal(["t1", "t2"], (await store.GetDueAsync(now.AddHours(1), 2)).Select(t => t.Key));
    }
}
