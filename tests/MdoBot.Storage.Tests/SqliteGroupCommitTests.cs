using MdoBot.BotFramework.Storage;
using MdoBot.Storage.Sqlite;
using MdoBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace MdoBot.Storage.Tests;

/// <summary>Group commit: change sets queued behind a running commit share the next transaction, each in its savepoint.</summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mdobot-group-").FullName;
    private readonly FakeTimeProvider _time = TestTime.Create();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static ChangeSet Save(string id, long expectedVersion, string json, string activityId)
    {
        var changes = new ChangeSet { Inbox = new InboxRecord("conv-1", activityId, 200, "{\"answer\":\"" + activityId + "\"}") };
        changes.SaveDocument(new DocumentChange("mdo", id, "conv-1", expectedVersion, json));
        changes.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, json));
        return changes;
    }

    /// <summary>Another process's write lock: commits wait for it and queue up behind the first.</summary>
    private static SqliteConnection HoldWriteLock(string path)
    {
        var holder = new SqliteConnection($"Data Source={path};Pooling=False");
        holder.Open();
        using var begin = holder.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        return holder;
    }

    private static void ReleaseWriteLock(SqliteConnection holder)
    {
        using (var rollback = holder.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        holder.Dispose();
    }

    [Fact]
    public async Task Commit_QueuedBehindLock_OneBatchConflictAndDuplicateRolledBackAlone()
    {
        var path = Path.Combine(_dir, "mdobot.db");
        var store = new SqliteStore(path, _time);
        await store.MigrateAsync();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Save($"d{i}", 0, "{}", $"seed-{i}")));
        }

        // Another process holds the write lock: the first commit waits for it, the rest queue behind it.
        var holder = HoldWriteLock(path);

        var first = store.CommitAsync(Save("d0", 1, "{\"v\":\"first\"}", "a-first"));
        var queued = Enumerable.Range(1, 9).Select(i => store.CommitAsync(Save($"d{i}", 1, $"{{\"v\":{i}}}", $"a-{i}"))).ToList();
        var stale = store.CommitAsync(Save("d5", 1, "{\"v\":\"stale\"}", "a-stale"));      // same version as a-5: conflicts
        var duplicate = store.CommitAsync(Save("d9", 2, "{\"v\":\"dup\"}", "a-3"));        // activity a-3 again: duplicate
        ReleaseWriteLock(holder);

        Assert.Equal(CommitOutcome.Committed, await first);
        Assert.All(await Task.WhenAll(queued), o => Assert.Equal(CommitOutcome.Committed, o));
        Assert.Equal(CommitOutcome.Conflict, await stale);
        Assert.Equal(CommitOutcome.Duplicate, await duplicate);
        Assert.Equal("{\"v\":5}", (await store.GetDocumentAsync("mdo", "d5"))!.Json);
        Assert.Equal(2, (await store.GetDocumentAsync("mdo", "d9"))!.Version);
        Assert.Equal("{\"answer\":\"a-3\"}", (await store.GetInboxEntryAsync("conv-1", "a-3"))!.Answer);
        Assert.Null(await store.GetInboxEntryAsync("conv-1", "a-stale"));
        Assert.Equal(20, (await store.GetPendingAsync(100)).Count); // 10 seeds + first + 9: nothing of the two refused ones
    }

    /// <summary>Delivered marks queue with the turns' change sets; a fenced mark whose token was replaced is refused alone.</summary>
    [Fact]
    public async Task DeliveredMarks_QueuedWithChangeSets_StaleFenceRefusedAlone_TheRestWritten()
    {
        var path = Path.Combine(_dir, "mdobot.db");
        var store = new SqliteStore(path, _time);
        await store.MigrateAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Save($"d{i}", 0, $"{{\"p\":{i}}}", $"seed-{i}")));
        }

        var pending = await store.GetPendingAsync(10);
        var stale = (await store.TryAcquireDeliveryLeaseAsync("first", TimeSpan.FromMinutes(1)))!;
        var current = (await store.TryAcquireDeliveryLeaseAsync("second", TimeSpan.FromMinutes(1)))!; // a new token: the first is stale

        var holder = HoldWriteLock(path);

        var turn = store.CommitAsync(Save("d-new", 0, "{}", "a-new"));
        var staleMark = stale.MarkDeliveredAsync([new DeliveredItem(pending[0], null, null)]);
        var goodMark = current.MarkDeliveredAsync([new DeliveredItem(pending[1], null, null)]);
        var plainMark = store.MarkDeliveredAsync([new DeliveredItem(pending[2], null, null)]);
        ReleaseWriteLock(holder);
        Assert.Equal(CommitOutcome.Committed, await turn);
        Assert.False(await staleMark);
        Assert.True(await goodMark);
        await plainMark;

        var left = (await store.GetPendingAsync(10)).Select(o => o.Id).ToList();
        Assert.Contains(pending[0].Id, left); // the refused mark wrote nothing
        Assert.DoesNotContain(pending[1].Id, left);
        Assert.DoesNotContain(pending[2].Id, left);
        Assert.Equal(2, left.Count); // and the turn's own message is queued
        Assert.NotNull(await store.GetDocumentAsync("mdo", "d-new"));
    }

    [Fact]
    public async Task Commit_ManyConcurrent_AllStoredOnceWithAndWithoutGroupCommit()
    {
        foreach (var group in new[] { true, false })
        {
            var store = new SqliteStore(Path.Combine(_dir, $"many-{group}.db"), _time, groupCommit: group);
            await store.MigrateAsync();
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => store.CommitAsync(Save($"m{i}", 0, "{}", $"x{i}")))));
            Assert.All(outcomes, o => Assert.Equal(CommitOutcome.Committed, o));
            Assert.Equal(200, (await store.GetPendingAsync(1000)).Count);
        }
    }
}
