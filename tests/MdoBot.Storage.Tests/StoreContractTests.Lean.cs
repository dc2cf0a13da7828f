using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage.Tests;

/// <summary>The lean turn storage: sealed answers, scope purges, superseded updates, the document index, pruning.</summary>
public abstract partial class StoreContractTests
{
    private static OutboxItem Update(string cardKey, string json, string conversationId = "conv-1") =>
        new(conversationId, "http://x/", OutboxOperation.Update, json, cardKey);

    [Fact]
    public async Task Inbox_AnswerOfScope_ReadBackButUnreadableAfterPurge()
    {
        var store = await NewStoreAsync();
        var first = new ChangeSet { Scope = "mdo-1", Inbox = new InboxRecord("c", "a1", 200, "{\"card\":\"Gezin A zorgvraag\"}") };
        first.Enqueue(new OutboxItem("c", "http://x/", OutboxOperation.Send, "{}"));
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(first));
        var other = new ChangeSet { Scope = "mdo-2", Inbox = new InboxRecord("c", "a2", 200, "{\"card\":\"Gezin B\"}") };
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(other));
        Assert.Equal(new InboxEntry(200, "{\"card\":\"Gezin A zorgvraag\"}"), await store.GetInboxEntryAsync("c", "a1"));

        var erase = new ChangeSet { Scope = "mdo-1" };
        erase.PurgeScope("mdo-1");
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(erase));

        Assert.Equal(new InboxEntry(200, null, Erased: true), await store.GetInboxEntryAsync("c", "a1")); // still a duplicate, its answer gone
        Assert.Equal(new InboxEntry(200, "{\"card\":\"Gezin B\"}"), await store.GetInboxEntryAsync("c", "a2"));
        Assert.Empty(await store.GetPendingAsync(10)); // the scope's undelivered message went too
    }

    [Fact]
    public async Task Inbox_ScopeAnsweredAgainAfterPurge_NewAnswersReadable_OldOnesNot()
    {
        var store = await NewStoreAsync();
        foreach (var id in new[] { "a1", "a2", "a3" })
        {
            Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(
                new ChangeSet { Scope = "mdo-1", Inbox = new InboxRecord("c", id, 200, $"{{\"card\":\"{id} Gezin A\"}}") }));
        }

        // The erasure's own answer is sealed afresh, after the scope's key is gone.
        var erase = new ChangeSet { Scope = "mdo-1", Inbox = new InboxRecord("c", "e1", 200, "{\"card\":\"verwijderd\"}") };
        erase.PurgeScope("mdo-1");
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(erase));
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(
            new ChangeSet { Scope = "mdo-1", Inbox = new InboxRecord("c", "a4", 200, "{\"card\":\"a4\"}") }));

        foreach (var id in new[] { "a1", "a2", "a3" })
        {
            Assert.Equal(new InboxEntry(200, null, Erased: true), await store.GetInboxEntryAsync("c", id));
        }

        Assert.Equal(new InboxEntry(200, "{\"card\":\"verwijderd\"}"), await store.GetInboxEntryAsync("c", "e1"));
        Assert.Equal(new InboxEntry(200, "{\"card\":\"a4\"}"), await store.GetInboxEntryAsync("c", "a4"));
    }

    [Fact]
    public async Task Inbox_SameActivityInOtherConversation_IsNotADuplicate()
    {
        var store = await NewStoreAsync();
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(new ChangeSet { Inbox = new InboxRecord("c1", "a1", 200) }));
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(new ChangeSet { Inbox = new InboxRecord("c2", "a1", 200) }));
        Assert.Equal(CommitOutcome.Duplicate, await store.CommitAsync(new ChangeSet { Inbox = new InboxRecord("c1", "a1", 201) }));
        Assert.Equal(new InboxEntry(200, null), await store.GetInboxEntryAsync("c1", "a1"));
    }

    [Fact]
    public async Task Outbox_NewerUpdateOfSameCard_ReplacesPendingOlderOnly()
    {
        var store = await NewStoreAsync();
        var first = new ChangeSet();
        first.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, "{\"post\":1}", "case"));
        first.Enqueue(Update("case", "{\"v\":1}"));
        first.Enqueue(Update("case", "{\"v\":2}")); // superseded within the change set
        first.Enqueue(Update("agenda", "{\"agenda\":1}"));
        first.Enqueue(Update("case", "{\"other\":1}", "conv-2"));
        await store.CommitAsync(first);
        Assert.Equal(["{\"post\":1}", "{\"v\":2}", "{\"agenda\":1}", "{\"other\":1}"], (await store.GetPendingAsync(10)).Select(p => p.ActivityJson));

        var second = new ChangeSet();
        second.Enqueue(Update("case", "{\"v\":3}"));
        await store.CommitAsync(second);

        // The post and the other card and chat stay, in order; only the newest update of the card is left.
        Assert.Equal(["{\"post\":1}", "{\"agenda\":1}", "{\"other\":1}", "{\"v\":3}"], (await store.GetPendingAsync(10)).Select(p => p.ActivityJson));
    }

    [Fact]
    public async Task Outbox_DeliveredBatch_MarkedInOneCall()
    {
        var store = await NewStoreAsync();
        var changes = new ChangeSet();
        changes.Enqueue(Update("a", "{}"));
        changes.Enqueue(Update("b", "{}"));
        changes.Enqueue(Update("c", "{}"));
        await store.CommitAsync(changes);
        var pending = await store.GetPendingAsync(10);

        await store.MarkDeliveredAsync([.. pending.Take(2).Select(p => new DeliveredItem(p, "act-" + p.CardKey, null))]);

        Assert.Equal("c", Assert.Single(await store.GetPendingAsync(10)).CardKey);
        Assert.Equal("act-b", await store.GetPostedActivityIdAsync("conv-1", "b"));
    }

    [Fact]
    public async Task Documents_Index_LatestAndKeysWithoutReadingOthers()
    {
        var store = await NewStoreAsync();
        var changes = new ChangeSet();
        changes.SaveDocument(new DocumentChange("mdo", "old", "conv-1", 0, "{\"n\":1}", "Closed") { Index = new DocumentIndex(100, ["k:a", "k:b"]) });
        changes.SaveDocument(new DocumentChange("mdo", "mid", "conv-1", 0, "{\"n\":2}", "Closed") { Index = new DocumentIndex(200, ["k:a"]) });
        changes.SaveDocument(new DocumentChange("mdo", "new", "conv-1", 0, "{\"n\":3}", "Running") { Index = new DocumentIndex(300, ["k:a"]) });
        changes.SaveDocument(new DocumentChange("mdo", "elsewhere", "conv-2", 0, "{}", "Running") { Index = new DocumentIndex(400, ["k:a"]) });
        await store.CommitAsync(changes);

        Assert.Equal("new", (await store.GetLatestDocumentAsync("mdo", "conv-1"))!.Id);
        Assert.Equal("mid", (await store.GetLatestDocumentAsync("mdo", "conv-1", "Running"))!.Id);
        Assert.Null(await store.GetLatestDocumentAsync("mdo", "conv-3"));
        var hits = await store.FindDocumentKeysAsync("mdo", "conv-1", ["k:a", "k:b", "k:none"], 300);
        Assert.Equal(["old k:a", "old k:b", "mid k:a"], hits.Select(h => $"{h.Id} {h.Key}"));
        Assert.Equal(["k:a", "k:b"], (await store.FindPresentDocumentKeysAsync("mdo", "conv-1", ["k:a", "k:b", "k:none"], 300)).Order());
        Assert.Empty(await store.FindPresentDocumentKeysAsync("mdo", "conv-1", ["k:a", "k:b"], 100)); // nothing sorted before 100
        Assert.Equal(["k:a"], await store.FindPresentDocumentKeysAsync("mdo", "conv-2", ["k:a", "k:b"], 500)); // per conversation

        // A save replaces the keys (unless unchanged); a delete removes them.
        var update = new ChangeSet();
        update.SaveDocument(new DocumentChange("mdo", "old", "conv-1", 1, "{\"n\":1}", "Closed") { Index = new DocumentIndex(100, ["k:c"]) });
        update.SaveDocument(new DocumentChange("mdo", "mid", "conv-1", 1, null));
        await store.CommitAsync(update);
        Assert.Empty(await store.FindDocumentKeysAsync("mdo", "conv-1", ["k:a", "k:b"], 300));
        Assert.Equal("old", Assert.Single(await store.FindDocumentKeysAsync("mdo", "conv-1", ["k:c"], 300)).Id);
        Assert.Equal(["k:c"], await store.FindPresentDocumentKeysAsync("mdo", "conv-1", ["k:a", "k:b", "k:c"], 300));

        var unchanged = new ChangeSet();
        unchanged.SaveDocument(new DocumentChange("mdo", "old", "conv-1", 2, "{\"n\":9}", "Closed") { Index = new DocumentIndex(100, [], KeysUnchanged: true) });
        await store.CommitAsync(unchanged);
        Assert.Equal("old", Assert.Single(await store.FindDocumentKeysAsync("mdo", "conv-1", ["k:c"], 300)).Id);
    }

    [Fact]
    public async Task Prune_OldInboxAndFailedOutbox_GoneAndHorizonSet()
    {
        var store = await NewStoreAsync();
        var old = new ChangeSet { Inbox = new InboxRecord("c", "old", 200, "{}") };
        old.Enqueue(new OutboxItem("c", "http://x/", OutboxOperation.Send, "{\"failed\":1}"));
        old.Enqueue(new OutboxItem("c", "http://x/", OutboxOperation.Send, "{\"waiting\":1}"));
        await store.CommitAsync(old);
        var parked = (await store.GetPendingAsync(1))[0];
        Assert.True(await ParkAsync(store, parked));
        Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await store.PruneAsync(Time.GetUtcNow() - TimeSpan.FromHours(1), 100)); // the old inbox entry; the dead letter waits for its report
        Assert.True(await WithLeaseAsync(store, lease => lease.MarkReportedAsync([parked.Id], [])));
        await store.CommitAsync(new ChangeSet { Inbox = new InboxRecord("c", "recent", 200) });
        var cutoff = Time.GetUtcNow() - TimeSpan.FromHours(1);

        Assert.Equal(1, await store.PruneAsync(cutoff, 100)); // the reported dead letter

        var lookup = await store.LookupInboxAsync("c", "old");
        Assert.Null(lookup.Entry);
        Assert.Equal(cutoff.ToUnixTimeMilliseconds(), lookup.ForgottenBefore.ToUnixTimeMilliseconds());
        Assert.NotNull(await store.GetInboxEntryAsync("c", "recent"));
        Assert.Equal("{\"waiting\":1}", Assert.Single(await store.GetPendingAsync(10)).ActivityJson); // pending messages are never pruned
        Assert.Equal(0, await store.PruneAsync(cutoff - TimeSpan.FromHours(1), 100));
        Assert.Equal(cutoff.ToUnixTimeMilliseconds(), (await store.LookupInboxAsync("c", "x")).ForgottenBefore.ToUnixTimeMilliseconds()); // never moves back
    }
}
