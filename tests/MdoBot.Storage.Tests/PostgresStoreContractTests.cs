using MdoBot.Storage.Postgres;

namespace MdoBot.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed partial class PostgresStoreContractTests(PostgresServerFixture server) : StoreContractTests
{
    private readonly PostgresStores _stores = new(server);

    protected override async Task<SqlStore> CreateUnmigratedStoreAsync() => await _stores.CreateAsync(Time);

    protected override Task<SqlStore> OpenSecondInstanceAsync(SqlStore store) =>
        Task.FromResult<SqlStore>(_stores.OpenInstance((PostgresStore)store, Time));

    protected override async Task ExecuteSqlAsync(SqlStore store, string sql)
    {
        await using var conn = new Npgsql.NpgsqlConnection(_stores.ConnectionStringOf((PostgresStore)store));
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public override Task DisposeAsync() => _stores.DisposeAsync().AsTask();
}
