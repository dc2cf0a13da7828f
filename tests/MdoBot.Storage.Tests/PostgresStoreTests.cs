using MdoBot.BotFramework.Storage;
using MdoBot.Storage.Postgres;
using MdoBot.Testing;
using Npgsql;
using Microsoft.Extensions.Time.Testing;

namespace MdoBot.Storage.Tests;

/// <summary>PostgreSQL-only behaviour: several instances on one database, schema, erasure.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresServerFixture server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = TestTime.Create();
    private readonly PostgresStores _stores = new(server);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    [Fact]
    public async Task Migrate_ManyInstancesAtOnce_AppliesEachMigrationOnce()
    {
        for (var round = 0; round < 3; round++)
        {
            var first = await _stores.CreateAsync(_time);
            var instances = Enumerable.Range(0, 4).Select(_ => _stores.OpenInstance(first, _time)).Prepend(first).ToList();
            await Task.WhenAll(instances.Select(s => Task.Run(() => s.MigrateAsync())));

            var cs = _stores.ConnectionStringOf(first);
            Assert.Equal(Migrations.All.Count, await PostgresSql.ScalarAsync<long>(cs, "SELECT count(*) FROM schema_version"));
            Assert.Equal(Migrations.All.Count, await PostgresSql.ScalarAsync<long>(cs, "SELECT count(DISTINCT version) FROM schema_version"));
            foreach (var store in instances)
            {
                Assert.True(await store.PingAsync());
            }
        }
    }

    [Theory]
    [InlineData(true, CommitOutcome.Duplicate)]
    [InlineData(false, CommitOutcome.Committed)]
    public async Task Commit_InboxKeyInOpenTransactionOfOtherInstance_WaitsForItsOutcome(bool otherCommits, CommitOutcome expected)
    {
        var app = "mdobot-b-" + Guid.NewGuid().ToString("N");
        var a = await _stores.CreateAsync(_time);
        await a.MigrateAsync();
        var b = _stores.OpenInstance(a, _time, app);

        // "Instance A" is in the middle of its commit: the inbox row is written, not committed yet.
        await using var other = new NpgsqlConnection(_stores.ConnectionStringOf(a));
        await other.OpenAsync();
        await using var tx = await other.BeginTransactionAsync();
        await using (var insert = PostgresSql.Command(other,
            "INSERT INTO inbox (conversation_id, activity_id, status, scope, received_at) VALUES ('c', '1', 201, '', 0)"))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var turn = new ChangeSet { Inbox = new InboxRecord("c", "1", 202) };
        turn.Enqueue(new OutboxItem("conv-1", "http://x/", OutboxOperation.Send, "{}"));
        var commitB = b.CommitAsync(turn);
        await PostgresSql.WaitUntilBlockedAsync(_stores.ConnectionStringOf(a), app);
        Assert.False(commitB.IsCompleted);

        if (otherCommits)
        {
            await tx.CommitAsync();
        }
        else
        {
            await tx.RollbackAsync();
        }

        Assert.Equal(expected, await commitB);
        Assert.Equal(otherCommits ? 201 : 202, (await a.GetInboxEntryAsync("c", "1"))!.Status);
        Assert.Equal(otherCommits ? 0 : 1, (await a.GetPendingAsync(10)).Count);
    }

    [Fact]
    public async Task Commit_DeadlockWithOtherInstance_IsConflictAndWritesNothing()
    {
        var app = "mdobot-a-" + Guid.NewGuid().ToString("N");
        var seed = await _stores.CreateAsync(_time);
        await seed.MigrateAsync();
        var create = new ChangeSet();
        create.SaveDocument(new DocumentChange("mdo", "d1", "conv-1", 0, "{}"));
        create.SaveDocument(new DocumentChange("mdo", "d2", "conv-1", 0, "{}"));
        await seed.CommitAsync(create);
        var a = _stores.OpenInstance(seed, _time, app);
        var cs = _stores.ConnectionStringOf(seed);

        // The other instance holds d2 and will want d1; A takes d1 and then waits for d2.
        await using var other = new NpgsqlConnection(cs);
        await other.OpenAsync();
        await using var tx = await other.BeginTransactionAsync();
        await using (var holdD2 = PostgresSql.Command(other, "UPDATE documents SET json = '{\"by\":\"other\"}' WHERE id = 'd2'"))
        {
            await holdD2.ExecuteNonQueryAsync();
        }

        var turn = new ChangeSet { Inbox = new InboxRecord("a", "1", 200) };
        turn.SaveDocument(new DocumentChange("mdo", "d1", "conv-1", 1, "{\"by\":\"a\"}"));
        turn.SaveDocument(new DocumentChange("mdo", "d2", "conv-1", 1, "{\"by\":\"a\"}"));
        var commitA = a.CommitAsync(turn);
        await PostgresSql.WaitUntilBlockedAsync(cs, app);

        await using var takeD1 = PostgresSql.Command(other, "UPDATE documents SET json = '{\"by\":\"other\"}' WHERE id = 'd1'");
        var otherUpdate = takeD1.ExecuteNonQueryAsync();

        // A waited first, so A's deadlock check (after deadlock_timeout) finds the cycle and A is aborted.
        Assert.Equal(CommitOutcome.Conflict, await commitA);
        Assert.Equal(1, await otherUpdate);
        await tx.CommitAsync();
        Assert.Null(await a.GetInboxEntryAsync("a", "1"));
        Assert.Equal(1, (await a.GetDocumentAsync("mdo", "d1"))!.Version);
    }

    [Fact]
    public async Task Commit_UnrelatedDatabaseError_StillThrows()
    {
        var store = await _stores.CreateAsync(_time); // not migrated: no tables
        var ex = await Assert.ThrowsAsync<PostgresException>(() => store.CommitAsync(new ChangeSet { Inbox = new InboxRecord("c", "k", 200) }));
        Assert.Equal(PostgresErrorCodes.UndefinedTable, ex.SqlState);
    }

    [Fact]
    public async Task Migrate_Schema_UsesIdentityColumnsAndListsEveryContentTable()
    {
        var store = await _stores.CreateAsync(_time);
        await store.MigrateAsync();
        var cs = _stores.ConnectionStringOf(store);
        var schema = PostgresServerFixture.SchemaOf(cs);

        var identities = await PostgresSql.StringsAsync(cs,
            $"SELECT table_name || '.' || column_name || ':' || identity_generation FROM information_schema.columns WHERE table_schema = '{schema}' AND is_identity = 'YES' ORDER BY 1");
        Assert.Equal(["audit.id:ALWAYS", "outbox.id:ALWAYS"], identities);

        var tables = await PostgresSql.StringsAsync(cs,
            $"SELECT table_name::text FROM information_schema.tables WHERE table_schema = '{schema}' AND table_name NOT IN ('schema_version', 'leases')"); // no meeting content
        Assert.Equal(tables.Order(), PostgresStore.ContentTables.Order());
    }

    [Fact]
    public async Task Vacuum_AfterErasure_RewritesContentTables()
    {
        var store = await _stores.CreateAsync(_time);
        await store.MigrateAsync();
        var changes = new ChangeSet();
        changes.SaveDocument(new DocumentChange("mdo", "m1", "conv-1", 0, "{\"text\":\"secret\"}"));
        await store.CommitAsync(changes);
        var erase = new ChangeSet();
        erase.SaveDocument(new DocumentChange("mdo", "m1", "conv-1", 1, null));
        await store.CommitAsync(erase);
        var cs = _stores.ConnectionStringOf(store);
        const string FileNode = "SELECT pg_relation_filenode('documents')::bigint";
        var before = await PostgresSql.ScalarAsync<long>(cs, FileNode);

        await store.VacuumAsync();

        Assert.NotEqual(before, await PostgresSql.ScalarAsync<long>(cs, FileNode)); // a new file: the old pages are gone
        Assert.Null(await store.GetDocumentAsync("mdo", "m1"));
        Assert.True(await store.PingAsync());
    }
}
