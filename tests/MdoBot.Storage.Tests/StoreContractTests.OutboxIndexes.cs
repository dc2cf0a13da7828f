using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage.Tests;

/// <summary>Migration 6: the outbox with two indexes fewer, for every provider.</summary>
public abstract partial class StoreContractTests
{
    /// <summary>
    /// A database as release 5 left it (migrations 1–5, rows written by the store itself: pending card updates, a post,
    /// an unreported dead letter, a posted card) upgrades to 6 without losing a row, and everything the dropped
    /// indexes served still works: superseding a pending card update and finding the unreported dead letters.
    /// </summary>
    [Fact]
    public async Task Migrate_VersionFiveDatabase_KeepsEveryRow_SupersedingAndUnreportedStillWork()
    {
        var store = await CreateUnmigratedStoreAsync();
        await store.MigrateToAsync(5);
        Assert.Equal(5, await store.GetSchemaVersionAsync());
        var changes = new ChangeSet();
        changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, "{\"m\":\"post\"}", CardKey: "case:1"));
        changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Update, "{\"m\":\"v1\"}", CardKey: "case:1"));
        changes.Enqueue(new OutboxItem("conv-2", "http://x/", OutboxOperation.Send, "{\"m\":\"lost\"}"));
        await store.CommitAsync(changes);
        var lost = Assert.Single(await store.GetPendingAsync("conv-2", 10));
        Assert.True(await ParkAsync(store, lost));
        var post = (await store.GetPendingAsync("conv-1", 10))[0];
        Assert.True(await WithLeaseAsync(store, lease => lease.MarkDeliveredAsync([new DeliveredItem(post, "act-1", null)])));

        var upgraded = await OpenSecondInstanceAsync(store);
        await upgraded.MigrateAsync();

        Assert.Equal(SqlStore.LatestSchemaVersion, await upgraded.GetSchemaVersionAsync());
        Assert.Equal(["{\"m\":\"v1\"}"], (await upgraded.GetPendingAsync(10)).Select(p => p.ActivityJson));
        Assert.Equal("act-1", await upgraded.GetPostedActivityIdAsync("conv-1", "case:1"));
        Assert.Equal(lost.Id, Assert.Single(await upgraded.GetUnreportedDeadLettersAsync(10)).Id);

        var newer = new ChangeSet();
        newer.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Update, "{\"m\":\"v2\"}", CardKey: "case:1"));
        await upgraded.CommitAsync(newer);
        Assert.Equal(["{\"m\":\"v2\"}"], (await upgraded.GetPendingAsync(10)).Select(p => p.ActivityJson));

        Assert.True(await WithLeaseAsync(upgraded, lease => lease.MarkReportedAsync([lost.Id], [])));
        Assert.Empty(await upgraded.GetUnreportedDeadLettersAsync(10));
        Assert.Single(await upgraded.GetDeadLettersAsync(10));
    }

    /// <summary>Delivering an update of a card keeps the card's posted activity id (an unchanged id is not rewritten).</summary>
    [Fact]
    public async Task MarkDelivered_UpdateOfPostedCard_KeepsPostedId_NewPostReplacesIt()
    {
        var store = await NewStoreAsync();
        var changes = new ChangeSet();
        changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, "{\"m\":\"post\"}", CardKey: "case:1"));
        changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Update, "{\"m\":\"v1\"}", CardKey: "case:1"));
        await store.CommitAsync(changes);
        var (first, update) = (await store.GetPendingAsync(10)) is [var a, var b] ? (a, b) : throw new InvalidOperationException("two rows expected");
        await store.MarkDeliveredAsync([new DeliveredItem(first, "act-1", null)]);
        await store.MarkDeliveredAsync([new DeliveredItem(update, "act-1", null)]);
        Assert.Equal("act-1", await store.GetPostedActivityIdAsync("conv-1", "case:1"));

        var repost = new ChangeSet();
        repost.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, "{\"m\":\"again\"}", CardKey: "case:1"));
        await store.CommitAsync(repost);
        await store.MarkDeliveredAsync([new DeliveredItem(Assert.Single(await store.GetPendingAsync(10)), "act-2", null)]);
        Assert.Equal("act-2", await (await OpenSecondInstanceAsync(store)).GetPostedActivityIdAsync("conv-1", "case:1"));
    }
}
