using MdoBot.BotFramework.Storage;
using MdoBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MdoBot.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="SqlStore"/> provider must show, run once per provider
/// (<see cref="SqliteStoreContractTests"/>, <see cref="PostgresStoreContractTests"/>). Together the
/// tests execute every SQL statement of <see cref="SqlStore"/>.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = TestTime.Create();

    /// <summary>A store over a new, empty database, not migrated yet.</summary>
    protected abstract Task<SqlStore> CreateUnmigratedStoreAsync();

    /// <summary>A second store (another "app instance") over the database of <paramref name="store"/>.</summary>
    protected abstract Task<SqlStore> OpenSecondInstanceAsync(SqlStore store);

    protected async Task<SqlStore> NewStoreAsync()
    {
        var store = await CreateUnmigratedStoreAsync();
        await store.MigrateAsync();
        return store;
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public abstract Task DisposeAsync();

    protected static ConversationRef Conversation(string id = "conv-1") =>
        new(id, "http://127.0.0.1:1/_connector", "tenant", "28:bot", "msteams", ConversationKind.GroupChat, null, "nl-NL", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Migrate_NewDatabase_IsReadyAndIdempotent()
    {
        var store = await CreateUnmigratedStoreAsync();
        Assert.False(await store.PingAsync());
        await store.MigrateAsync();
        Assert.True(await store.PingAsync());
        await store.MigrateAsync();
        Assert.True(await store.PingAsync());
    }

    [Fact]
    public async Task Commit_SameInboxKeyTwice_SecondIsDuplicateAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var first = new ChangeSet { Inbox = new InboxRecord("c", "a1", 200, "{\"ok\":1}") };
        first.SaveConversation(Conversation());
        first.Record(new AuditEntry(Time.GetUtcNow(), "29:u1", "mdo.create", "conv-1", "m1"));
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(first));

        var second = new ChangeSet { Inbox = new InboxRecord("c", "a1", 400) };
        second.SaveConversation(Conversation("conv-2"));
        Assert.Equal(CommitOutcome.Duplicate, await store.CommitAsync(second));
        Assert.Null(await store.GetConversationAsync("conv-2"));
        Assert.Equal(new InboxEntry(200, "{\"ok\":1}"), await store.GetInboxEntryAsync("c", "a1"));
        Assert.Null(await store.GetInboxEntryAsync("c", "unseen"));
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
        Assert.Equal(Conversation() with { MeetingId = "m1", Kind = ConversationKind.MeetingChat }, stored);
    }

    [Fact]
    public async Task Commit_ConversationDeactivated_ActiveFlagRoundTrips()
    {
        var store = await NewStoreAsync();
        var off = new ChangeSet();
        off.SaveConversation(Conversation() with { Active = false });
        await store.CommitAsync(off);
        Assert.False((await store.GetConversationAsync("conv-1"))!.Active);

        var on = new ChangeSet();
        on.SaveConversation(Conversation());
        await store.CommitAsync(on);
        Assert.True((await store.GetConversationAsync("conv-1"))!.Active);
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

        var stale = new ChangeSet { Inbox = new InboxRecord("c", "k", 200) };
        stale.SaveDocument(new DocumentChange("mdo", "m1", "conv-1", 1, "{\"v\":3}"));
        stale.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, "{}"));
        Assert.Equal(CommitOutcome.Conflict, await store.CommitAsync(stale));

        var doc = await store.GetDocumentAsync("mdo", "m1");
        Assert.Equal(2, doc!.Version);
        Assert.Equal("{\"v\":2}", doc.Json);
        Assert.Equal("running", doc.Status);
        Assert.Empty(await store.GetPendingAsync(10));
        Assert.Null(await store.GetInboxEntryAsync("c", "k"));
    }

    [Fact]
    public async Task Commit_DocumentCreatedTwiceOrDeletedStale_IsConflict()
    {
        var store = await NewStoreAsync();
        var create = new ChangeSet();
        create.SaveDocument(new DocumentChange("mdo", "m1", "conv-1", 0, "{}"));
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(create));

        var again = new ChangeSet();
        again.SaveDocument(new DocumentChange("mdo", "m1", "conv-1", 0, "{\"again\":1}"));
        Assert.Equal(CommitOutcome.Conflict, await store.CommitAsync(again));

        var staleDelete = new ChangeSet();
        staleDelete.SaveDocument(new DocumentChange("mdo", "m1", "conv-1", 7, null));
        Assert.Equal(CommitOutcome.Conflict, await store.CommitAsync(staleDelete));

        var delete = new ChangeSet();
        delete.SaveDocument(new DocumentChange("mdo", "m1", "conv-1", 1, null));
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(delete));
        Assert.Null(await store.GetDocumentAsync("mdo", "m1"));
    }

    [Fact]
    public async Task Documents_ByConversation_OnlyThatKindAndConversationInUpdateOrder()
    {
        var store = await NewStoreAsync();
        foreach (var (kind, id, conv) in new[] { ("mdo", "a", "conv-1"), ("mdo", "b", "conv-2"), ("case", "c", "conv-1"), ("mdo", "d", "conv-1") })
        {
            var changes = new ChangeSet();
            changes.SaveDocument(new DocumentChange(kind, id, conv, 0, $"{{\"id\":\"{id}\"}}", "open"));
            await store.CommitAsync(changes);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        var touch = new ChangeSet();
        touch.SaveDocument(new DocumentChange("mdo", "a", "conv-1", 1, "{\"id\":\"a2\"}", "closed"));
        await store.CommitAsync(touch);

        var docs = await store.GetDocumentsByConversationAsync("mdo", "conv-1");
        Assert.Equal(["d", "a"], docs.Select(d => d.Id));
        Assert.Equal(new StoredDocument("mdo", "a", "conv-1", 2, "{\"id\":\"a2\"}", "closed"), docs[1]);
        Assert.Empty(await store.GetDocumentsByConversationAsync("mdo", "conv-9"));
    }

    [Fact]
    public async Task Store_Reopened_KeepsEverything()
    {
        var store = await NewStoreAsync();
        var changes = new ChangeSet();
        changes.SaveConversation(Conversation());
        changes.Schedule(new TimerRecord("t", "k", Time.GetUtcNow(), "conv-1", "{}"));
        await store.CommitAsync(changes);

        var reopened = await OpenSecondInstanceAsync(store);
        await reopened.MigrateAsync();
        Assert.NotNull(await reopened.GetConversationAsync("conv-1"));
        Assert.Single(await reopened.GetDueAsync(Time.GetUtcNow(), 5));
    }
}
