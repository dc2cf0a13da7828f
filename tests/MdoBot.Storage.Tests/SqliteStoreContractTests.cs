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

    /// <summary>One process, one clock: the SQLite lease is judged by the store's TimeProvider.</summary>
    [Fact]
    public async Task Lease_ExpiresByTheStoresClock()
    {
        var store = await NewStoreAsync();
        var lease = (await store.TryAcquireDeliveryLeaseAsync("only", TimeSpan.FromSeconds(10)))!;
        Time.Advance(TimeSpan.FromSeconds(9));
        Assert.True(await lease.RenewAsync());
        Time.Advance(TimeSpan.FromSeconds(10));

        Assert.False(await lease.IsHeldAsync());
        Assert.Equal(lease.FencingToken + 1, (await store.TryAcquireDeliveryLeaseAsync("only", TimeSpan.FromSeconds(10)))!.FencingToken);
    }

    [Fact]
    public async Task Vacuum_AfterDelete_Succeeds()
    {
        var store = (SqliteStore)await NewStoreAsync();
        var changes = new Domain.Persistence.ChangeSet();
        changes.SaveDocument(new Domain.Persistence.DocumentChange("mdo", "m1", "conv-1", 0, "{\"secret\":\"x\"}"));
        await store.CommitAsync(changes);
        var delete = new Domain.Persistence.ChangeSet();
        delete.SaveDocument(new Domain.Persistence.DocumentChange("mdo", "m1", "conv-1", 1, null));
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
