using MdoBot.Storage.Sqlite;

namespace MdoBot.Storage.Tests;

public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mdobot-store-").FullName;

    protected override Task<SqlStore> CreateUnmigratedStoreAsync() =>
        Task.FromResult<SqlStore>(new SqliteStore(Path.Combine(_dir, "sub", "mdobot.db"), Time));

    protected override Task<SqlStore> OpenSecondInstanceAsync(SqlStore store) =>
        Task.FromResult<SqlStore>(new SqliteStore(((SqliteStore)store).FilePath, Time));

    protected override async Task ExecuteSqlAsync(SqlStore store, string sql)
    {
        await using var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={((SqliteStore)store).FilePath}");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// After migration 6, an outbox row is entered in two indexes (pending order, per conversation); the queries the
    /// dropped indexes served still search an index, never the whole table.
    /// </summary>
    [Fact]
    public async Task Migrate_Latest_OutboxIndexes_QueriesStillSearchAnIndex()
    {
        var store = (SqliteStore)await NewStoreAsync();
        await using var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.FilePath}");
        await conn.OpenAsync();
        await using var list = conn.CreateCommand();
        list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name";
        var indexes = new List<string>();
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["ix_outbox_conversation_pending", "ix_outbox_pending"], indexes);

        async Task<string> PlanAsync(string sql)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
            cmd.Parameters.AddWithValue("@c", "conv-1");
            cmd.Parameters.AddWithValue("@k", "case:1");
            await using var reader = await cmd.ExecuteReaderAsync();
            var plan = new List<string>();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }

            return string.Join(" | ", plan);
        }

        var supersede = await PlanAsync("DELETE FROM outbox WHERE conversation_id = @c AND card_key = @k AND operation = 'Update' AND failed = 0");
        Assert.Contains("USING INDEX ix_outbox_conversation_pending", supersede, StringComparison.Ordinal);
        var unreported = await PlanAsync("SELECT id FROM outbox WHERE failed = 1 AND reported = 0 ORDER BY id LIMIT 10");
        Assert.Contains("SEARCH outbox USING INDEX ix_outbox_pending (failed=?)", unreported, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", unreported, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Migrate_NewFile_CreatesOwnerOnlyFile()
    {
        var store = (SqliteStore)await NewStoreAsync();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.FilePath));
    }

    /// <summary>One process: taking the lease always succeeds with a new token, it never expires, and the older token is refused.</summary>
    [Fact]
    public async Task Lease_SingleInstance_TakenAnewAlways_NeverExpires_OlderTokenRefused()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(Enqueue("one"));
        var item = Assert.Single(await store.GetPendingAsync(10));
        var first = (await store.TryAcquireDeliveryLeaseAsync("only", Expiry))!;
        var second = (await store.TryAcquireDeliveryLeaseAsync("only", Expiry))!;
        Time.Advance(TimeSpan.FromDays(1)); // a clock jump of the one process

        Assert.Equal(first.FencingToken + 1, second.FencingToken);
        Assert.False(await first.MarkDeliveredAsync([new BotFramework.Storage.DeliveredItem(item, "stale", null)]));
        Assert.False(await first.RenewAsync());
        Assert.True(await second.IsHeldAsync());
        Assert.True(await second.RenewAsync());
        Assert.True(await second.MarkDeliveredAsync([new BotFramework.Storage.DeliveredItem(item, "act-1", null)]));
        Assert.Empty(await store.GetPendingAsync(10));
    }

    [Fact]
    public async Task Vacuum_AfterDelete_Succeeds()
    {
        var store = (SqliteStore)await NewStoreAsync();
        var changes = new BotFramework.Storage.ChangeSet();
        changes.SaveDocument(new BotFramework.Storage.DocumentChange("mdo", "m1", "conv-1", 0, "{\"secret\":\"x\"}"));
        await store.CommitAsync(changes);
        var delete = new BotFramework.Storage.ChangeSet();
        delete.SaveDocument(new BotFramework.Storage.DocumentChange("mdo", "m1", "conv-1", 1, null));
        await store.CommitAsync(delete);

        await store.VacuumAsync();
        Assert.Null(await store.GetDocumentAsync("mdo", "m1"));
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }
}
