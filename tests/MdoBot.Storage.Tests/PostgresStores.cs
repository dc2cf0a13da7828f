using MdoBot.Storage.Postgres;
using MdoBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MdoBot.Storage.Tests;

/// <summary>
/// The PostgreSQL stores of one test: each <see cref="CreateAsync"/> gets a fresh schema; every
/// instance has its own data source (its own pool), as separate MdoBot processes would.
/// </summary>
internal sealed class PostgresStores(PostgresServerFixture server) : IAsyncDisposable
{
    private readonly List<PostgresStore> _stores = [];
    private readonly Dictionary<PostgresStore, string> _connectionStrings = [];
    private readonly List<string> _schemas = [];

    public async Task<PostgresStore> CreateAsync(TimeProvider? time = null, string? applicationName = null)
    {
        var connectionString = await server.CreateSchemaAsync(applicationName);
        _schemas.Add(PostgresServerFixture.SchemaOf(connectionString));
        return Open(connectionString, time ?? TestTime.Create());
    }

    /// <summary>Another instance over the same schema (another data source).</summary>
    public PostgresStore OpenInstance(PostgresStore store, TimeProvider time, string? applicationName = null)
    {
        var connectionString = ConnectionStringOf(store);
        return Open(applicationName is null ? connectionString : PostgresServerFixture.WithApplicationName(connectionString, applicationName), time);
    }

    public string ConnectionStringOf(PostgresStore store) => _connectionStrings[store];

    private PostgresStore Open(string connectionString, TimeProvider time)
    {
        var store = new PostgresStore(connectionString, time);
        _stores.Add(store);
        _connectionStrings[store] = connectionString;
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        foreach (var schema in _schemas)
        {
            await server.DropSchemaAsync(schema);
        }
    }
}
