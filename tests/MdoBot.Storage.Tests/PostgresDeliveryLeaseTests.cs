using MdoBot.Testing;

namespace MdoBot.Storage.Tests;

/// <summary>Several MdoBot instances on one PostgreSQL database: exactly one delivers the outbox.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDeliveryLeaseTests(PostgresServerFixture server) : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private readonly PostgresStores _stores = new(server);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _stores.DisposeAsync().AsTask();

    [Fact]
    public async Task DeliveryLease_TwoInstances_OneHoldsUntilReleased()
    {
        var a = await _stores.CreateAsync(_time);
        await a.MigrateAsync();
        var b = _stores.OpenInstance(a, _time);

        var leaseA = await a.TryAcquireDeliveryLeaseAsync();
        Assert.NotNull(leaseA);
        Assert.True(await leaseA.IsHeldAsync());
        Assert.Null(await b.TryAcquireDeliveryLeaseAsync());

        await leaseA.DisposeAsync();
        var leaseB = await b.TryAcquireDeliveryLeaseAsync();
        Assert.NotNull(leaseB);
        Assert.Null(await a.TryAcquireDeliveryLeaseAsync());
        await leaseB.DisposeAsync();
    }
}
