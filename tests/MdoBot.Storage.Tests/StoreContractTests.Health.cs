using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage.Tests;

/// <summary>What the readiness check and the outbox metrics read from the store.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Outbox_stats_count_pending_and_dead_letters_and_name_the_oldest_pending()
    {
        var store = await NewStoreAsync();
        Assert.Equal(new OutboxStats(0, null, 0), await store.GetOutboxStatsAsync());

        var changes = new ChangeSet();
        for (var i = 1; i <= 3; i++)
        {
            changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, $"{{\"n\":{i}}}"));
        }

        await store.CommitAsync(changes);
        var pending = await store.GetPendingAsync(10);
        Assert.True(await ParkAsync(store, pending[0]));
        Assert.True(await DeferAsync(store, pending[1], Time.GetUtcNow().AddSeconds(1)));

        var stats = await store.GetOutboxStatsAsync();
        Assert.Equal((2L, pending[1].Id, 1L), (stats.Pending, stats.OldestPendingId, stats.DeadLetters));
        Assert.Equal(Time.GetUtcNow().ToUnixTimeMilliseconds(), stats.OldestPendingSince?.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Schema_version_is_the_latest_after_migration_and_zero_before()
    {
        Assert.Equal(0, await (await CreateUnmigratedStoreAsync()).GetSchemaVersionAsync());
        Assert.Equal(SqlStore.LatestSchemaVersion, await (await NewStoreAsync()).GetSchemaVersionAsync());
    }
}
