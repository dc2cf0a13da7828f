using Azure.Core;
using MdoBot.BotFramework.Storage;
using MdoBot.Storage.Postgres;
using MdoBot.Testing;
using Npgsql;
using Microsoft.Extensions.Time.Testing;

namespace MdoBot.Storage.Tests;

/// <summary>
/// The PostgreSQL store signing in with an Entra access token through Npgsql's periodic password provider,
/// against the local PostgreSQL: a stand-in credential hands out a role's password as the "token", through
/// the same provider path that the managed identity's token takes in Azure.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEntraAuthTests(PostgresServerFixture server) : IAsyncLifetime
{
    private readonly string _role = "mdobot_entra_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _password = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    private string Schema => _role + "_s";

    /// <summary>The app's connection string: the identity's name as user, no password.</summary>
    private string ConnectionString => new NpgsqlConnectionStringBuilder(server.ConnectionString)
    {
        Username = _role,
        Password = null,
        SearchPath = Schema,
        Pooling = false,
    }.ConnectionString;

    /// <summary>Members of this group must sign in with their password (scram), unlike the trusted test user.</summary>
    private const string PasswordGroup = "mdobot_password_roles";

    private const string HbaRule = "host all +" + PasswordGroup + " 127.0.0.1/32 scram-sha-256";

    public async Task InitializeAsync()
    {
        await RequirePasswordsForGroupAsync();
        await AdminAsync($"CREATE ROLE {_role} LOGIN PASSWORD '{_password}' IN ROLE {PasswordGroup}; CREATE SCHEMA {Schema} AUTHORIZATION {_role}");
    }

    /// <summary>
    /// The test server trusts local connections; one rule (added once, at the top of pg_hba.conf, through SQL as
    /// the superuser) makes the members of <see cref="PasswordGroup"/> prove their password, so the token counts.
    /// </summary>
    private async Task RequirePasswordsForGroupAsync()
    {
        await AdminAsync($"DO $$ BEGIN CREATE ROLE {PasswordGroup} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        await using var conn = new NpgsqlConnection(server.ConnectionString);
        await conn.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT current_setting('hba_file'), pg_read_file(current_setting('hba_file'))", conn);
        string file, content;
        await using (var reader = await read.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (file, content) = (reader.GetString(0), reader.GetString(1));
        }

        if (!content.Contains(HbaRule, StringComparison.Ordinal))
        {
            // COPY takes no parameters: the new content goes in as a dollar-quoted literal, one row per line.
            var lines = HbaRule + "\n" + content.TrimEnd('\n');
            await using var write = new NpgsqlCommand(
                $"COPY (SELECT unnest(string_to_array($hba${lines}$hba$, E'\\n'))) TO '{file.Replace("'", "''", StringComparison.Ordinal)}'", conn);
            await write.ExecuteNonQueryAsync();
            await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", conn);
            await reload.ExecuteScalarAsync();
        }
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP SCHEMA IF EXISTS {Schema} CASCADE; DROP ROLE IF EXISTS {_role}");
    }

    [Fact]
    public async Task The_store_migrates_and_commits_as_the_identity_with_a_token_from_the_credential()
    {
        var credential = new StandInCredential(_password);
        await using var store = new PostgresStore(PostgresEntraAuth.CreateDataSource(ConnectionString, credential), TestTime.Create(), ownsDataSource: true);

        await store.MigrateAsync();
        Assert.True(await store.PingAsync());
        Assert.Equal(SqlStore.LatestSchemaVersion, await store.GetSchemaVersionAsync());

        Assert.NotEmpty(credential.Requests);
        Assert.All(credential.Requests, r => Assert.Equal([PostgresEntraAuth.Scope], r.Scopes));
        await using var conn = new NpgsqlConnection(server.ConnectionString);
        await conn.OpenAsync();
        await using var owner = new NpgsqlCommand($"SELECT tableowner FROM pg_tables WHERE schemaname = '{Schema}' AND tablename = 'schema_version'", conn);
        Assert.Equal(_role, await owner.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Without_a_token_there_is_no_connection()
    {
        var credential = new StandInCredential(null);
        await using var store = new PostgresStore(PostgresEntraAuth.CreateDataSource(ConnectionString, credential), TestTime.Create(), ownsDataSource: true);

        var error = await Record.ExceptionAsync(() => store.MigrateAsync());

        Assert.NotNull(error);
        Assert.Contains("no token for the test", Flatten(error), StringComparison.Ordinal);
        Assert.NotEmpty(credential.Requests);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_by_the_server()
    {
        await using var store = new PostgresStore(PostgresEntraAuth.CreateDataSource(ConnectionString, new StandInCredential("not-the-password")),
            TestTime.Create(), ownsDataSource: true);

        var error = await Assert.ThrowsAsync<PostgresException>(() => store.MigrateAsync());

        Assert.Equal("28P01", error.SqlState); // invalid_password
    }

    [Fact]
    public void A_connection_string_with_a_password_is_refused_for_entra()
    {
        var withPassword = new NpgsqlConnectionStringBuilder(ConnectionString) { Password = "x" }.ConnectionString;
        var error = Assert.Throws<InvalidOperationException>(() => PostgresEntraAuth.CreateDataSource(withPassword, new StandInCredential(_password)));
        Assert.Contains("must not contain a password", error.Message, StringComparison.Ordinal);
    }

    private static string Flatten(Exception e) => e.InnerException is { } inner ? e.Message + " | " + Flatten(inner) : e.Message;

    private async Task AdminAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(server.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Stands in for the managed identity: the role's password as the access token (or a failure).</summary>
    private sealed class StandInCredential(string? token) : TokenCredential
    {
        public System.Collections.Concurrent.ConcurrentQueue<TokenRequestContext> Requests { get; } = new();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Requests.Enqueue(requestContext);
            return token is null
                ? throw new InvalidOperationException("no token for the test")
                : ValueTask.FromResult(new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1)));
        }
    }
}
