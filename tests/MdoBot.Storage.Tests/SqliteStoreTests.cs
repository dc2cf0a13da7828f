using MdoBot.Domain.Conversations;
using MdoBot.Domain.Persistence;
using MdoBot.Storage.Sqlite;
using MdoBot.Testing;

namespace MdoBot.Storage.Tests;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mdobot-store-").FullName;
    private readonly ManualTimeProvider _time = new();

    private async Task<SqliteStore> NewStoreAsync()
    {
        var store = new SqliteStore(Path.Combine(_dir, "sub", "mdobot.db"), _time);
        await store.MigrateAsync();
        return store;
    }

    private static ConversationRef Conversation(string id = "conv-1") =>
        new(id, "http://127.0.0.1:1/_connector", "tenant", "28:bot", "msteams", ConversationKind.GroupChat, null, "nl-NL", DateTimeOffset.UnixEpoch);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Migrate_NewFile_CreatesOwnerOnlyFileAndIsReady()
    {
        var store = await NewStoreAsync();
        Assert.True(await store.PingAsync());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.FilePath));
        await store.MigrateAsync(); // idempotent
    }

    [Fact]
    public async Task Commit_SameInboxKeyTwice_SecondIsDuplicateAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var first = new ChangeSet { InboxKey = "c|a1", InvokeResponse = "{\"ok\":1}" };
        first.SaveConversation(Conversation());
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(first));

        var second = new ChangeSet { InboxKey = "c|a1" };
        second.SaveConversation(Conversation("conv-2"));
        Assert.Equal(CommitOutcome.Duplicate, await store.CommitAsync(second));
        Assert.Null(await store.GetConversationAsync("conv-2"));
        Assert.Equal("{\"ok\":1}", (await store.GetInboxEntryAsync("c|a1"))!.InvokeResponse);
    }

    [Fact]
    public async Task Commit_ConversationUpsert_KeepsMeetingIdAndRoundTrips()
    {
        var store = await NewStoreAsync();
        var changes = new ChangeSet();
        changes.SaveConversation(Conversation() with { MeetingId = "m1", Kind = ConversationKind.MeetingChat });
        await store.CommitAsync(changes);
        var again = new ChangeSet();
        again.SaveConversation(Conversation() with { Kind = ConversationKind.MeetingChat, Locale = null });
        await store.CommitAsync(again);

        var stored = await store.GetConversationAsync("conv-1");
        Assert.Equal("m1", stored!.MeetingId);
        Assert.Equal("nl-NL", stored.Locale);
        Assert.Equal(ConversationKind.MeetingChat, stored.Kind);
    }

    [Fact]
    public async Task Commit_DocumentWithStaleVersion_IsConflictAndRollsBackEverything()
    {
        var store = await NewStoreAsync();
        var create = new ChangeSet();
        create.SaveDocument(new DocumentChange("mdo", "m1", "conv-1", 0, "{\"v\":1}"));
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(create));

        var update = new ChangeSet();
        update.SaveDocument(new DocumentChange("mdo", "m1", "conv-1", 1, "{\"v\":2}", "running"));
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(update));

        var stale = new ChangeSet { InboxKey = "k" };
        stale.SaveDocument(new DocumentChange("mdo", "m1", "conv-1", 1, "{\"v\":3}"));
        stale.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, "{}"));
        Assert.Equal(CommitOutcome.Conflict, await store.CommitAsync(stale));

        var doc = await store.GetDocumentAsync("mdo", "m1");
        Assert.Equal(2, doc!.Version);
        Assert.Equal("{\"v\":2}", doc.Json);
        Assert.Equal("running", doc.Status);
        Assert.Empty(await store.GetPendingAsync(10));
        Assert.Null(await store.GetInboxEntryAsync("k"));
    }

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
        await store.MarkDeliveredAsync(pending[0], "act-9", null);
        await store.MarkFailedAsync(pending[1], permanent: true);

        Assert.Empty(await store.GetPendingAsync(10));
        Assert.Equal("act-9", await store.GetPostedActivityIdAsync("conv-1", "agenda"));
    }

    [Fact]
    public async Task Timers_FireOnce_SecondFiringIsDuplicate()
    {
        var store = await NewStoreAsync();
        var due = _time.GetUtcNow().AddMinutes(15);
        var schedule = new ChangeSet();
        schedule.Schedule(new TimerRecord("warn:1", "timebox.warning", due, "conv-1", "{}"));
        await store.CommitAsync(schedule);

        Assert.Equal(due, await store.GetNextDueAsync());
        Assert.Empty(await store.GetDueAsync(due.AddSeconds(-1), 10));
        Assert.Single(await store.GetDueAsync(due, 10));

        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(new ChangeSet { FiredTimerKey = "warn:1" }));
        Assert.Equal(CommitOutcome.Duplicate, await store.CommitAsync(new ChangeSet { FiredTimerKey = "warn:1" }));
        Assert.Null(await store.GetNextDueAsync());
    }

    [Fact]
    public async Task Store_ReopenedFile_KeepsEverything()
    {
        var store = await NewStoreAsync();
        var changes = new ChangeSet();
        changes.SaveConversation(Conversation());
        changes.Schedule(new TimerRecord("t", "k", _time.GetUtcNow(), "conv-1", "{}"));
        await store.CommitAsync(changes);

        var reopened = new SqliteStore(store.FilePath, _time);
        await reopened.MigrateAsync();
        Assert.NotNull(await reopened.GetConversationAsync("conv-1"));
        Assert.Single(await reopened.GetDueAsync(_time.GetUtcNow(), 5));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
