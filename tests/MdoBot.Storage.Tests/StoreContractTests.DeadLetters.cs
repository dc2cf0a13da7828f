using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage.Tests;

/// <summary>Migration 5: the per-conversation not-before time, dead letters and their reports, for every provider.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Schedule_DeferredConversation_LeftOutUntilNotBefore_OthersDue_DeliveryClearsIt()
    {
        var store = await NewStoreAsync();
        var changes = new ChangeSet();
        changes.Enqueue(new OutboxItem("conv-a", "http://x/", OutboxOperation.Send, "{\"a\":1}"));
        changes.Enqueue(new OutboxItem("conv-b", "http://x/", OutboxOperation.Send, "{\"b\":1}"));
        changes.Enqueue(new OutboxItem("conv-a", "http://x/", OutboxOperation.Send, "{\"a\":2}"));
        await store.CommitAsync(changes);
        var now = Time.GetUtcNow();
        Assert.Equal(new[] { "conv-a", "conv-b" }, (await store.GetScheduleAsync(now, 10)).Due);

        var head = (await store.GetPendingAsync("conv-a", 10))[0];
        Assert.True(await DeferAsync(store, head, now.AddSeconds(10)));

        var waiting = await store.GetScheduleAsync(now.AddSeconds(9), 10);
        Assert.Equal(new[] { "conv-b" }, waiting.Due);
        Assert.Equal(now.AddSeconds(10).ToUnixTimeMilliseconds(), waiting.NextNotBefore?.ToUnixTimeMilliseconds());
        var reopened = await OpenSecondInstanceAsync(store); // stored: a restart keeps the back-off
        Assert.Equal(new[] { "conv-a", "conv-b" }, (await reopened.GetScheduleAsync(now.AddSeconds(10), 10)).Due);
        Assert.Equal(["{\"a\":1}", "{\"a\":2}"], (await reopened.GetPendingAsync("conv-a", 10)).Select(i => i.ActivityJson));

        Assert.True(await WithLeaseAsync(store, lease => lease.MarkDeliveredAsync([new DeliveredItem(head, "act-1", null)])));
        Assert.Null(await store.GetNotBeforeAsync("conv-a"));
        Assert.Equal(new[] { "conv-b", "conv-a" }, (await store.GetScheduleAsync(now, 10)).Due); // by their oldest pending message
    }

    [Fact]
    public async Task Park_KeepsReasonNotContent_Unreported_ReportStoresNoticesOnce_SurvivesReopen()
    {
        var store = await NewStoreAsync();
        var changes = new ChangeSet();
        changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, "{\"care\":\"secret\"}", CardKey: "case:1"));
        changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, "{\"next\":1}"));
        await store.CommitAsync(changes);
        var item = (await store.GetPendingAsync(10))[0];

        Assert.True(await WithLeaseAsync(store, lease => lease.ParkAsync(item, 404, DeadLetterReasons.NotFound)));

        var at = DateTimeOffset.FromUnixTimeMilliseconds(Time.GetUtcNow().ToUnixTimeMilliseconds());
        var expected = new DeadLetter(item.Id, "conv-1", "http://x/", OutboxOperation.Send, "case:1", null, null, 404, DeadLetterReasons.NotFound, at);
        Assert.Equal(expected, Assert.Single(await store.GetUnreportedDeadLettersAsync(10)));
        Assert.Equal("{\"next\":1}", Assert.Single(await store.GetPendingAsync(10)).ActivityJson);
        Assert.Equal(1, (await store.GetOutboxStatsAsync()).DeadLetters);

        var notice = new OutboxItem("conv-1", "http://x/", OutboxOperation.SendPersonal, "{\"notice\":1}", "deliveryNotice", "29:chair", "t");
        Assert.True(await WithLeaseAsync(store, lease => lease.MarkReportedAsync([item.Id], [notice])));

        var reopened = await OpenSecondInstanceAsync(store);
        Assert.Empty(await reopened.GetUnreportedDeadLettersAsync(10));
        Assert.Equal(expected, Assert.Single(await reopened.GetDeadLettersAsync(10)));
        Assert.Equal(["{\"next\":1}", "{\"notice\":1}"], (await reopened.GetPendingAsync(10)).Select(i => i.ActivityJson));
    }

    [Fact]
    public async Task Park_DropsTheContent()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(Enqueue("secret"));
        Assert.True(await ParkAsync(store, Assert.Single(await store.GetPendingAsync(10))));
        var probe = await OpenSecondInstanceAsync(store);
        await ExecuteSqlAsync(probe, "DELETE FROM outbox WHERE activity_json = ''"); // only the parked row, emptied
        Assert.Empty(await probe.GetDeadLettersAsync(10));
    }

    /// <summary>
    /// A database exactly as release 4 left it (migrations 1–4, rows written with the v4 columns: pending messages, one
    /// given up after 8 attempts, one from before creation times) upgrades to 5 without losing a row; nobody is told late
    /// about the old given-up message, and the undated one starts its 24 h window at the upgrade.
    /// </summary>
    [Fact]
    public async Task Migrate_VersionFourDatabase_KeepsEveryRow_OldFailedIsReportedAlready()
    {
        var store = await CreateUnmigratedStoreAsync();
        await store.MigrateToAsync(4);
        Assert.Equal(4, await store.GetSchemaVersionAsync());
        await ExecuteSqlAsync(store, """
            INSERT INTO outbox (conversation_id, service_url, operation, activity_json, card_key, target_user_id, tenant_id, attempts, failed, scope, created_at)
            VALUES ('conv-1', 'http://x/', 'Send', '{"m":"first"}', 'agenda:1', NULL, NULL, 2, 0, 'mdo-1', 1000),
                   ('conv-1', 'http://x/', 'Send', '{"m":"given-up"}', NULL, NULL, NULL, 8, 1, NULL, 1000),
                   ('conv-2', 'http://x/', 'SendPersonal', '{"m":"undated"}', NULL, '29:u', 't', 0, 0, NULL, 0);
            INSERT INTO posted_cards (conversation_id, card_key, activity_id) VALUES ('conv-1', 'agenda:1', 'act-1');
            """);

        var upgraded = await OpenSecondInstanceAsync(store);
        await upgraded.MigrateAsync();

        Assert.Equal(SqlStore.LatestSchemaVersion, await upgraded.GetSchemaVersionAsync());
        var pending = await upgraded.GetPendingAsync(10);
        Assert.Equal(["{\"m\":\"first\"}", "{\"m\":\"undated\"}"], pending.Select(p => p.ActivityJson));
        Assert.Equal((2, "mdo-1", 1000L), (pending[0].Attempts, pending[0].Scope, pending[0].CreatedAt.ToUnixTimeMilliseconds()));
        Assert.Equal(Time.GetUtcNow().ToUnixTimeMilliseconds(), pending[1].CreatedAt.ToUnixTimeMilliseconds());
        Assert.Equal("act-1", await upgraded.GetPostedActivityIdAsync("conv-1", "agenda:1"));
        Assert.Empty(await upgraded.GetUnreportedDeadLettersAsync(10));
        var old = Assert.Single(await upgraded.GetDeadLettersAsync(10));
        Assert.Equal((0, DeadLetterReasons.Expired), (old.Status, old.Reason));
        Assert.Equal(new[] { "conv-1", "conv-2" }, (await upgraded.GetScheduleAsync(Time.GetUtcNow(), 10)).Due);
    }
}
