using Azure.Core;
using Npgsql;

namespace MdoBot.Storage.Postgres;

/// <summary>
/// PostgreSQL sign-in with a Microsoft Entra access token (Azure Database for PostgreSQL flexible server):
/// the token of the managed identity is the password, fetched through Npgsql's periodic password provider
/// and renewed well before it expires, so no password is ever configured. The host passes the managed
/// identity's credential (Azure.Identity); tests pass a stand-in.
/// </summary>
public static class PostgresEntraAuth
{
    /// <summary>The token audience of Azure Database for PostgreSQL.</summary>
    public const string Scope = "https://ossrdbms-aad.database.windows.net/.default";

    /// <summary>Tokens live about an hour; a new one is fetched every 30 minutes.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(30);

    /// <summary>After a failed fetch, the next try.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);

    /// <summary>A data source that signs in with tokens from <paramref name="credential"/>.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.ConnectionStringBuilder.Password))
        {
            throw new InvalidOperationException(
                "Storage:PostgresConnectionString must not contain a password when Storage:PostgresAuthentication is Entra.");
        }

        var context = new TokenRequestContext([Scope]);
        builder.UsePeriodicPasswordProvider(
            async (_, ct) => (await credential.GetTokenAsync(context, ct)).Token, Refresh, RetryAfterFailure);
        return builder.Build();
    }
}
