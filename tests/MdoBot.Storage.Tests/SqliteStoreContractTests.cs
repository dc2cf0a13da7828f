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
