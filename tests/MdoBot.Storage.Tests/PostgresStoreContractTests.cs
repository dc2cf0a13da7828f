using MdoBot.Storage.Postgres;

namespace MdoBot.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreContractTests(PostgresServerFixture server) : StoreContractTests
{
    private readonly PostgresStores _stores = new(server);

    protected override async Task<SqlStore> CreateUnmigratedStoreAsync() => await _stores.CreateAsync(Time);

    protected override Task<SqlStore> OpenSecondInstanceAsync(SqlStore store) =>
        Task.FromResult<SqlStore>(_stores.OpenInstance((PostgresStore)store, Time));

    public override Task DisposeAsync() => _stores.DisposeAsync().AsTask();
}
