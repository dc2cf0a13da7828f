using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage.Tests;

/// <summary>Two store instances over one database, as two MdoBot processes sharing it.</summary>
public abstract partial class StoreContractTests
{
    private const int Rounds = 20;

    [Fact]
    public async Task Commit_SameInboxKeyFromTwoInstancesAtOnce_ExactlyOneCommits()
    {
        var a = await NewStoreAsync();
        var b = await OpenSecondInstanceAsync(a);
        for (var i = 0; i < Rounds; i++)
        {
            var outcomes = await Task.WhenAll(
                Task.Run(() => a.CommitAsync(Turn($"{i}", "from-a"))),
                Task.Run(() => b.CommitAsync(Turn($"{i}", "from-b"))));
            Assert.Equal([CommitOutcome.Committed, CommitOutcome.Duplicate], outcomes.Order());
        }

        // Exactly one outbox item per key: the duplicate wrote nothing.
        Assert.Equal(Rounds, (await a.GetPendingAsync(1000)).Count);

        static ChangeSet Turn(string key, string who)
        {
            var changes = new ChangeSet { Inbox = new InboxRecord("c", key, 200) };
            changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, $"{{\"who\":\"{who}\"}}"));
            return changes;
        }
    }

    [Fact]
    public async Task Commit_SameDocumentVersionFromTwoInstancesAtOnce_OneCommitsOtherConflicts()
    {
        var a = await NewStoreAsync();
        var b = await OpenSecondInstanceAsync(a);
        for (var i = 0; i < Rounds; i++)
        {
            var expected = i; // round 0 creates (version 0 = new), later rounds update
            var outcomes = await Task.WhenAll(
                Task.Run(() => a.CommitAsync(Save(expected, "a"))),
                Task.Run(() => b.CommitAsync(Save(expected, "b"))));
            Assert.Equal([CommitOutcome.Committed, CommitOutcome.Conflict], outcomes.Order());
        }

        var doc = await b.GetDocumentAsync("mdo", "m1");
        Assert.Equal(Rounds, doc!.Version);
        // Each committed round queued an update of the same card: only the newest one is still waiting.
        var pending = Assert.Single(await a.GetPendingAsync(1000));
        Assert.Equal(OutboxOperation.Update, pending.Operation);

        static ChangeSet Save(long expectedVersion, string who)
        {
            var changes = new ChangeSet();
            changes.SaveDocument(new DocumentChange("mdo", "m1", "conv-1", expectedVersion, $"{{\"who\":\"{who}\"}}"));
            changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Update, "{}", "agenda"));
            return changes;
        }
    }

    [Fact]
    public async Task Commit_StaleDocumentReadByOtherInstance_IsConflict()
    {
        var a = await NewStoreAsync();
        var b = await OpenSecondInstanceAsync(a);
        var create = new ChangeSet();
        create.SaveDocument(new DocumentChange("mdo", "m1", "conv-1", 0, "{\"v\":1}"));
        Assert.Equal(CommitOutcome.Committed, await a.CommitAsync(create));

        var readByA = await a.GetDocumentAsync("mdo", "m1");
        var readByB = await b.GetDocumentAsync("mdo", "m1");
        var fromA = new ChangeSet { Inbox = new InboxRecord("a", "1", 200) };
        fromA.SaveDocument(new DocumentChange("mdo", "m1", "conv-1", readByA!.Version, "{\"v\":\"a\"}"));
        var fromB = new ChangeSet { Inbox = new InboxRecord("b", "1", 200) };
        fromB.SaveDocument(new DocumentChange("mdo", "m1", "conv-1", readByB!.Version, "{\"v\":\"b\"}"));

        Assert.Equal(CommitOutcome.Committed, await a.CommitAsync(fromA));
        Assert.Equal(CommitOutcome.Conflict, await b.CommitAsync(fromB));
        Assert.Equal("{\"v\":\"a\"}", (await b.GetDocumentAsync("mdo", "m1"))!.Json);
        Assert.Null(await a.GetInboxEntryAsync("b", "1"));
    }

    [Fact]
    public async Task Commit_TimerFiredByTwoInstancesAtOnce_FiresOnce()
    {
        var a = await NewStoreAsync();
        var b = await OpenSecondInstanceAsync(a);
        var schedule = new ChangeSet();
        for (var i = 0; i < Rounds; i++)
        {
            schedule.Schedule(new TimerRecord($"t{i}", "k", Time.GetUtcNow(), "conv-1", "{}"));
        }

        await a.CommitAsync(schedule);
        for (var i = 0; i < Rounds; i++)
        {
            var key = $"t{i}";
            var outcomes = await Task.WhenAll(
                Task.Run(() => a.CommitAsync(Fire(key))),
                Task.Run(() => b.CommitAsync(Fire(key))));
            Assert.Equal([CommitOutcome.Committed, CommitOutcome.Duplicate], outcomes.Order());
        }

        Assert.Equal(Rounds, (await b.GetPendingAsync(1000)).Count);

        static ChangeSet Fire(string key)
        {
            var changes = new ChangeSet { FiredTimerKey = key };
            changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, "{}"));
            return changes;
        }
    }

    [Fact]
    public async Task Migrate_TwoInstancesAtOnce_BothSucceed()
    {
        var a = await CreateUnmigratedStoreAsync();
        var b = await OpenSecondInstanceAsync(a);
        await Task.WhenAll(Task.Run(() => a.MigrateAsync()), Task.Run(() => b.MigrateAsync()));
        Assert.True(await a.PingAsync());
        Assert.True(await b.PingAsync());
    }
}
