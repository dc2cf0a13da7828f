using MdoBot.BotFramework.Storage;
using MdoBot.Storage.Sqlite;
using MdoBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace MdoBot.Storage.Tests;

/// <summary>
/// The SQLite store keeps the rows a turn reads in memory (<see cref="RowCache"/>): reads after commits do not touch the
/// file, and no read can bring back what a commit changed or deleted, whatever order they finish in.
/// </summary>
public sealed class SqliteRowCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mdobot-rows-").FullName;
    private readonly FakeTimeProvider _time = TestTime.Create();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string DbPath => Path.Combine(_dir, "mdobot.db");

    private async Task<SqliteStore> NewStoreAsync()
    {
        var store = new SqliteStore(DbPath, _time);
        await store.MigrateAsync();
        return store;
    }

    [Fact]
    public async Task ReadsAfterCommits_ServedFromMemory_ReadersUntouched_ShowTheCommittedVersion()
    {
        using var store = await NewStoreAsync();
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Save("d7", 0, "{\"n\":0}", conversation: Conversation("conv-1"))));
        Assert.NotNull(await store.GetDocumentAsync("mdo", "d7"));
        Assert.NotNull(await store.GetConversationAsync("conv-1"));
        var readers = store.Pools.Readers;
        var opened = readers.Opened;
        var missesBefore = readers.IdleNow.Sum(CacheMisses);
        var pagesBefore = readers.IdleNow.Sum(PagesTouched);

        for (var i = 1; i <= 20; i++)
        {
            Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Save("d7", i, $"{{\"n\":{i}}}", "Running")));
            var read = await store.GetDocumentAsync("mdo", "d7");
            Assert.Equal(new StoredDocument("mdo", "d7", "conv-1", i + 1, $"{{\"n\":{i}}}", "Running"), read);
            Assert.Equal("https://smba.example/", (await store.GetConversationAsync("conv-1"))!.ServiceUrl);
        }

        Assert.Equal(opened, readers.Opened);
        Assert.Equal(missesBefore, readers.IdleNow.Sum(CacheMisses)); // no page was read again for them
        Assert.Equal(pagesBefore, readers.IdleNow.Sum(PagesTouched)); // nor any page looked at
        Assert.Equal(1, store.Rows!.Counts.Documents);
    }

    [Fact]
    public async Task SealKey_KeptAfterItsCommit_ForgottenByTheScopesErasure_AFreshOneKeptAfterward()
    {
        using var store = await NewStoreAsync();
        var rows = store.Rows!;
        var clears = rows.Clears;
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(
            new ChangeSet { Scope = "mdo-1", Inbox = new InboxRecord("c", "a1", 200, "{\"card\":1}") }));
        Assert.True(rows.TryGetSealKey("mdo-1", out var key));
        Assert.Equal(StoredKey(), key);

        // A second answer of the scope uses the kept key: both open, one key row.
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(
            new ChangeSet { Scope = "mdo-1", Inbox = new InboxRecord("c", "a2", 200, "{\"card\":2}") }));
        Assert.Equal(new InboxEntry(200, "{\"card\":2}"), await store.GetInboxEntryAsync("c", "a2"));

        var erase = new ChangeSet { Scope = "mdo-2" };
        erase.PurgeScope("mdo-1");
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(erase));
        Assert.False(rows.TryGetSealKey("mdo-1", out _)); // no copy of the destroyed key stays in memory
        Assert.Null(StoredKey());

        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(
            new ChangeSet { Scope = "mdo-1", Inbox = new InboxRecord("c", "a3", 200, "{\"card\":3}") }));
        Assert.True(rows.TryGetSealKey("mdo-1", out var fresh));
        Assert.Equal(StoredKey(), fresh);
        Assert.NotEqual(key, fresh);
        Assert.Equal(clears, rows.Clears); // kept and forgotten one by one, never by emptying the cache

        byte[]? StoredKey()
        {
            using var conn = new SqliteConnection($"Data Source={DbPath};Mode=ReadOnly;Pooling=False");
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT key_bytes FROM seal_keys WHERE scope = 'mdo-1'";
            return cmd.ExecuteScalar() as byte[];
        }
    }

    [Fact]
    public void SealKey_OfferedFromAReadBeforeAnErasure_IsRefused_ClearForgetsKeys()
    {
        var rows = new RowCache();
        var generation = rows.SealGeneration; // a turn reads the key...
        rows.ForgetSealKey("mdo-1"); // ...an erasure of the scope is applied before that turn's commit is reported
        rows.OfferSealKey("mdo-1", [1, 2, 3], generation);
        Assert.False(rows.TryGetSealKey("mdo-1", out _));

        rows.OfferSealKey("mdo-1", [4, 5, 6], rows.SealGeneration);
        Assert.True(rows.TryGetSealKey("mdo-1", out var key));
        Assert.Equal([4, 5, 6], key);
        rows.Clear();
        Assert.False(rows.TryGetSealKey("mdo-1", out _));
    }

    [Fact]
    public async Task DocumentDeleted_GoneFromMemory_AndTheCacheFollowsTheFileOnReopen()
    {
        using (var store = await NewStoreAsync())
        {
            await store.CommitAsync(Save("d1", 0, "{\"secret\":\"Casus Jansen\"}"));
            Assert.NotNull(await store.GetDocumentAsync("mdo", "d1"));
            var erase = new ChangeSet();
            erase.SaveDocument(new DocumentChange("mdo", "d1", "conv-1", 1, null));
            Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(erase));

            Assert.Null(await store.GetDocumentAsync("mdo", "d1"));
            Assert.Equal((0, 0L), (store.Rows!.Counts.Documents, store.Rows.Counts.DocumentBytes));
        }

        using var reopened = new SqliteStore(DbPath, _time);
        Assert.Null(await reopened.GetDocumentAsync("mdo", "d1"));
    }

    [Fact]
    public void ReadOfAnOlderSnapshot_FinishingAfterADelete_CannotPutTheRowBack()
    {
        var rows = new RowCache();
        var generation = rows.Generation; // a read starts
        var erase = new ChangeSet();
        erase.SaveDocument(new DocumentChange("mdo", "d1", "conv-1", 3, null));
        rows.Committed(erase); // the erasure commits meanwhile

        rows.OfferDocument(new StoredDocument("mdo", "d1", "conv-1", 3, "{\"erased\":true}", null), generation); // the read finishes
        Assert.False(rows.TryGetDocument("mdo", "d1", out _));
    }

    [Fact]
    public void ReadOfAnOlderVersion_FinishingAfterACommit_KeepsTheNewerOne()
    {
        var rows = new RowCache();
        var generation = rows.Generation;
        rows.Committed(Save("d1", 4, "{\"n\":5}"));
        rows.OfferDocument(new StoredDocument("mdo", "d1", "conv-1", 4, "{\"n\":4}", null), generation);

        Assert.True(rows.TryGetDocument("mdo", "d1", out var held));
        Assert.Equal(5, held!.Version);
        Assert.Equal("{\"n\":5}", held.Json);
    }

    [Fact]
    public void ConversationRead_FinishingAfterASave_IsRefused()
    {
        var rows = new RowCache();
        var generation = rows.Generation;
        rows.Committed(Save("d1", 0, "{}", conversation: Conversation("conv-1")));
        rows.OfferConversation(Conversation("conv-1") with { ServiceUrl = "https://old.example/" }, generation);
        Assert.False(rows.TryGetConversation("conv-1", out _));
    }

    [Fact]
    public async Task ConversationSaved_NextReadHasTheMergedRow()
    {
        using var store = await NewStoreAsync();
        await store.CommitAsync(Save("d1", 0, "{}", conversation: Conversation("conv-1") with { Locale = "en-US", MeetingId = "m-1" }));
        Assert.Equal("en-US", (await store.GetConversationAsync("conv-1"))!.Locale);

        // Locale and meeting unknown in this save: the store keeps the stored ones (COALESCE), and the cache must not guess.
        await store.CommitAsync(Save("d1", 1, "{}", conversation: Conversation("conv-1") with { ServiceUrl = "https://moved.example/", Locale = null, MeetingId = null }));
        var read = await store.GetConversationAsync("conv-1");
        Assert.Equal(("https://moved.example/", "en-US", "m-1"), (read!.ServiceUrl, read.Locale, read.MeetingId));
    }

    [Fact]
    public async Task StaleDocument_CommitConflicts_ThenTheRetryReadsTheStoredOne()
    {
        using var store = await NewStoreAsync();
        await store.CommitAsync(Save("d1", 0, "{\"n\":1}"));
        Assert.Equal(1, (await store.GetDocumentAsync("mdo", "d1"))!.Version); // held in memory from now on
        await ExecuteAsync("UPDATE documents SET version = 2, json = '{\"n\":2}' WHERE id = 'd1'"); // behind the store's back

        Assert.Equal(CommitOutcome.Conflict, await store.CommitAsync(Save("d1", 1, "{\"n\":3}")));
        Assert.Equal("{\"n\":2}", (await store.GetDocumentAsync("mdo", "d1"))!.Json);
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Save("d1", 2, "{\"n\":3}")));
        Assert.Equal(3, (await store.GetDocumentAsync("mdo", "d1"))!.Version);
    }

    /// <summary>One process per file is the rule; should a second writer commit anyway, the first empties its cache at its next write.</summary>
    [Fact]
    public async Task SecondWriterOnTheFile_NoticedAtTheNextWrite_CacheEmptied()
    {
        using var store = await NewStoreAsync();
        await store.CommitAsync(Save("d1", 0, "{\"n\":1}", conversation: Conversation("conv-1")));
        await store.GetDocumentAsync("mdo", "d1");
        await store.GetConversationAsync("conv-1");
        await store.CommitAsync(Save("other", 0, "{}")); // the writer's connection has seen the file as it is

        using (var second = new SqliteStore(DbPath, _time))
        {
            Assert.Equal(CommitOutcome.Committed, await second.CommitAsync(Save("d1", 1, "{\"n\":2}", conversation: Conversation("conv-1") with { Locale = "nl-NL" })));
        }

        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Save("unrelated", 0, "{}")));
        Assert.Equal((2, "{\"n\":2}"), ((await store.GetDocumentAsync("mdo", "d1"))!.Version, (await store.GetDocumentAsync("mdo", "d1"))!.Json));
        Assert.Equal("nl-NL", (await store.GetConversationAsync("conv-1"))!.Locale);
    }

    [Fact]
    public async Task KeyQueries_DroppedWhenAKeyOfTheConversationChanges()
    {
        using var store = await NewStoreAsync();
        Assert.Empty(await store.FindPresentDocumentKeysAsync("mdo", "conv-1", ["k:a"], 300));
        Assert.Empty(await store.FindDocumentKeysAsync("mdo", "conv-1", ["k:a"], 300));

        var earlier = new ChangeSet();
        earlier.SaveDocument(new DocumentChange("mdo", "e1", "conv-1", 0, "{}", "Closed") { Index = new DocumentIndex(100, ["k:a"]) });
        await store.CommitAsync(earlier);
        Assert.Equal(["k:a"], await store.FindPresentDocumentKeysAsync("mdo", "conv-1", ["k:a"], 300));
        Assert.Equal("e1", Assert.Single(await store.FindDocumentKeysAsync("mdo", "conv-1", ["k:a"], 300)).Id);

        var unchanged = new ChangeSet(); // a save that keeps the keys leaves the answers cached, and they are still right
        unchanged.SaveDocument(new DocumentChange("mdo", "e1", "conv-1", 1, "{\"x\":1}", "Closed") { Index = new DocumentIndex(100, [], KeysUnchanged: true) });
        await store.CommitAsync(unchanged);
        Assert.Equal(["k:a"], await store.FindPresentDocumentKeysAsync("mdo", "conv-1", ["k:a"], 300));

        var gone = new ChangeSet();
        gone.SaveDocument(new DocumentChange("mdo", "e1", "conv-1", 2, null));
        await store.CommitAsync(gone);
        Assert.Empty(await store.FindPresentDocumentKeysAsync("mdo", "conv-1", ["k:a"], 300));
        Assert.Empty(await store.FindDocumentKeysAsync("mdo", "conv-1", ["k:a"], 300));
    }

    [Fact]
    public void DocumentText_KeptAsUtf8InPlace_LongerShorterAndNonAscii_ReadBackExactly()
    {
        var rows = new RowCache();
        var versions = new[]
        {
            "{\"q\":\"Hoe ondersteunen we Zoë en haar coördinator?\"}",
            "{\"q\":\"" + new string('é', 300) + "\"}", // longer than the buffer: a new one
            "{\"q\":\"kort\"}", // shorter: written over the longer text in the same buffer
            "{\"q\":\"€ 😀\"}",
        };
        for (var i = 0; i < versions.Length; i++)
        {
            rows.Committed(Save("d1", i, versions[i], "Running"));
            Assert.True(rows.TryGetDocument("mdo", "d1", out var read));
            Assert.Equal(new StoredDocument("mdo", "d1", "conv-1", i + 1, versions[i], "Running"), read);
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(versions[i]), rows.Counts.DocumentBytes);
        }

        var erase = new ChangeSet();
        erase.SaveDocument(new DocumentChange("mdo", "d1", "conv-1", versions.Length, null));
        rows.Committed(erase);
        Assert.False(rows.TryGetDocument("mdo", "d1", out _));
        Assert.Equal((0, 0L), (rows.Counts.Documents, rows.Counts.DocumentBytes));
    }

    [Fact]
    public void Bounded_ByDocumentsAndText_StartsOverWhenFull()
    {
        var rows = new RowCache(maxDocuments: 3, maxDocumentBytes: 100);
        for (var i = 0; i < 3; i++)
        {
            rows.Committed(Save($"d{i}", 0, "{}"));
        }

        Assert.Equal(3, rows.Counts.Documents);
        rows.Committed(Save("d3", 0, "{}"));
        Assert.Equal(1, rows.Counts.Documents);
        Assert.True(rows.TryGetDocument("mdo", "d3", out _));

        rows.Committed(Save("big", 0, new string('x', 90)));
        rows.Committed(Save("big2", 0, new string('y', 20)));
        Assert.True(rows.Counts.DocumentBytes <= 100);
        rows.Committed(Save("huge", 0, new string('z', 101)));
        Assert.False(rows.TryGetDocument("mdo", "huge", out _)); // larger than the whole cache: read from the file each time
    }

    [Fact]
    public async Task InboxHorizon_KnownAfterTheFirstLookup_RaisedByPruning_CheckedInsideTheCommit()
    {
        using var store = await NewStoreAsync();
        Assert.Null(store.Rows!.InboxHorizon);
        await store.LookupInboxAsync("c", "first");
        Assert.Equal(0, store.Rows.InboxHorizon);

        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(new ChangeSet { Inbox = new InboxRecord("c", "a1", 200) { Stamped = _time.GetUtcNow() } }));
        _time.Advance(TimeSpan.FromHours(2));
        var cutoff = _time.GetUtcNow() - TimeSpan.FromHours(1);
        Assert.Equal(1, await store.PruneAsync(cutoff, 100));
        Assert.Equal(cutoff.ToUnixTimeMilliseconds(), store.Rows.InboxHorizon);

        // A redelivery of a1 whose turn skipped the lookup: its entry is gone, the commit refuses it by its time.
        var late = new ChangeSet { Inbox = new InboxRecord("c", "a1", 200) { Stamped = cutoff - TimeSpan.FromMinutes(1) } };
        late.SaveDocument(new DocumentChange("mdo", "d1", "c", 0, "{}"));
        Assert.Equal(CommitOutcome.Duplicate, await store.CommitAsync(late));
        Assert.Null((await store.LookupInboxAsync("c", "a1")).Entry);
        Assert.Null(await store.GetDocumentAsync("mdo", "d1"));

        var fresh = new ChangeSet { Inbox = new InboxRecord("c", "a2", 200) { Stamped = cutoff + TimeSpan.FromMinutes(1) } };
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(fresh));
    }

    [Fact]
    public void InboxHorizon_LookupOfAnOlderSnapshot_FinishingAfterPruning_CannotLowerIt()
    {
        var rows = new RowCache();
        var before = rows.InboxHorizonGeneration;
        rows.RaiseInboxHorizon(1_000); // unknown yet: pruning cannot raise what is not known
        rows.OfferInboxHorizon(0, before); // a lookup that read the row before the pruning committed
        Assert.Null(rows.InboxHorizon);

        rows.OfferInboxHorizon(1_000, rows.InboxHorizonGeneration);
        var stale = rows.InboxHorizonGeneration;
        rows.RaiseInboxHorizon(2_000);
        rows.OfferInboxHorizon(1_000, stale);
        Assert.Equal(2_000, rows.InboxHorizon);
    }

    [Fact]
    public async Task PostgresOrCacheOff_HorizonNeverKnown_LookupEveryTime()
    {
        using var store = new SqliteStore(DbPath, _time, cacheRows: false);
        await store.MigrateAsync();
        await store.LookupInboxAsync("c", "x");
        Assert.Null(store.KnownUnseen("c", "y"));
        Assert.Null(store.Rows);
    }

    [Fact]
    public async Task KnownUnseen_OnlyOnceTheInboxKeysAreLoaded_RepeatsLookedUp()
    {
        using (var earlier = await NewStoreAsync()) // the previous run of the process
        {
            Assert.Equal(CommitOutcome.Committed, await earlier.CommitAsync(new ChangeSet { Inbox = new InboxRecord("c", "before-restart", 200) }));
        }

        using var store = new SqliteStore(DbPath, _time);
        Assert.Null(store.KnownUnseen("c", "new-1")); // the horizon is not known yet
        await store.LookupInboxAsync("c", "new-1");
        Assert.Null(store.KnownUnseen("c", "new-1")); // the keys are not loaded yet: this starts it
        await store.SeenLoad!;

        Assert.Null(store.KnownUnseen("c", "before-restart")); // stored by the earlier run: look it up
        Assert.Equal(DateTimeOffset.UnixEpoch, store.KnownUnseen("c", "new-1"));
        Assert.Equal(DateTimeOffset.UnixEpoch, store.KnownUnseen("other-chat", "before-restart")); // the key is both ids
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(new ChangeSet { Inbox = new InboxRecord("c", "new-1", 200) }));
        Assert.Null(store.KnownUnseen("c", "new-1"));

        Assert.Equal(CommitOutcome.Duplicate, await store.CommitAsync(new ChangeSet { Inbox = new InboxRecord("c", "before-restart", 200) }));
    }

    [Fact]
    public async Task KnownUnseen_PrunedHoursForgotten_OtherWriterForgetsAll()
    {
        using var store = await NewStoreAsync();
        await store.LookupInboxAsync("c", "x");
        store.KnownUnseen("c", "x");
        await store.SeenLoad!;
        await store.CommitAsync(new ChangeSet { Inbox = new InboxRecord("c", "old", 200) });
        Assert.Null(store.KnownUnseen("c", "old"));

        _time.Advance(TimeSpan.FromHours(3));
        await store.CommitAsync(new ChangeSet { Inbox = new InboxRecord("c", "recent", 200) });
        var cutoff = _time.GetUtcNow() - TimeSpan.FromHours(1);
        Assert.Equal(1, await store.PruneAsync(cutoff, 100));
        Assert.Equal(cutoff.ToUnixTimeMilliseconds(), store.KnownUnseen("c", "old")?.ToUnixTimeMilliseconds()); // gone, and too old by its time
        Assert.Null(store.KnownUnseen("c", "recent"));

        await ExecuteAsync("INSERT INTO inbox (conversation_id, activity_id, status, scope, answer, received_at) VALUES ('c', 'elsewhere', 200, '', NULL, 0)");
        await store.CommitAsync(new ChangeSet { Inbox = new InboxRecord("c", "next", 200) }); // the writer notices the other commit
        Assert.Null(store.KnownUnseen("c", "brand-new")); // nothing known any more: the turn looks the inbox up
        Assert.Null(store.Rows!.InboxHorizon);
        await store.LookupInboxAsync("c", "brand-new");
        var firstLoad = store.SeenLoad;
        Assert.Null(store.KnownUnseen("c", "brand-new")); // this starts the load again
        Assert.NotSame(firstLoad, store.SeenLoad);
        await store.SeenLoad!;
        Assert.Null(store.KnownUnseen("c", "elsewhere")); // the other writer's row is known now
        Assert.Null(store.KnownUnseen("c", "next"));
        Assert.NotNull(store.KnownUnseen("c", "brand-new"));
    }

    [Fact]
    public void SeenKeys_PastTheirBound_TurnsLookUpUntilPruningMakesRoom()
    {
        var rows = new RowCache(maxSeen: 3);
        rows.OfferInboxHorizon(0, rows.InboxHorizonGeneration);
        Assert.True(rows.TryStartSeenLoad(out var generation));
        rows.SeenLoaded([("c", "a", 0), ("c", "b", 0)], generation);
        Assert.False(rows.MayHaveSeen("c", "z"));
        Assert.True(rows.MayHaveSeen("c", "a"));

        rows.NoteSeen("c", "d", 0);
        rows.NoteSeen("c", "e", 0); // the fourth
        Assert.Null(rows.MayHaveSeen("c", "z"));
        Assert.False(rows.TryStartSeenLoad(out _)); // no reload until pruning

        rows.PrunedSeen(2 * 3_600_000);
        Assert.True(rows.TryStartSeenLoad(out generation));
        rows.SeenLoaded([("c", "later", 3 * 3_600_000)], generation);
        Assert.False(rows.MayHaveSeen("c", "a"));
        Assert.True(rows.MayHaveSeen("c", "later"));
    }

    [Fact]
    public void SeenKeys_LoadFinishingAfterTheCacheWasEmptied_IsRefused()
    {
        var rows = new RowCache();
        Assert.True(rows.TryStartSeenLoad(out var generation));
        rows.Clear();
        rows.SeenLoaded([("c", "a", 0)], generation);
        Assert.Null(rows.MayHaveSeen("c", "z"));
        Assert.True(rows.TryStartSeenLoad(out _));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var conn = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static ChangeSet Save(string id, long expected, string json, string? status = null, ConversationRef? conversation = null)
    {
        var changes = new ChangeSet();
        changes.SaveDocument(new DocumentChange("mdo", id, "conv-1", expected, json, status));
        if (conversation is not null)
        {
            changes.SaveConversation(conversation);
        }

        return changes;
    }

    private static ConversationRef Conversation(string id) =>
        new(id, "https://smba.example/", "tenant-1", "28:bot", "msteams", ConversationKind.GroupChat, null, null, DateTimeOffset.UnixEpoch);

    private static int CacheMisses(PooledSqliteConnection connection)
    {
        const int cacheMiss = 8; // SQLITE_DBSTATUS_CACHE_MISS
        Assert.Equal(0, SQLitePCL.raw.sqlite3_db_status(connection.Handle, cacheMiss, out var current, out _, 0));
        return current;
    }

    private static int PagesTouched(PooledSqliteConnection connection) => CacheHits(connection) + CacheMisses(connection);

    private static int CacheHits(PooledSqliteConnection connection)
    {
        const int cacheHit = 7; // SQLITE_DBSTATUS_CACHE_HIT
        Assert.Equal(0, SQLitePCL.raw.sqlite3_db_status(connection.Handle, cacheHit, out var current, out _, 0));
        return current;
    }
}
