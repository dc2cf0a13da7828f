using Npgsql;

namespace MdoBot.Storage.Postgres;

/// <summary>
/// Connection settings under which a vanished database or network is noticed in seconds rather than after
/// Linux's two-hour TCP keepalive: each is applied only where the configured connection string sets none.
/// <list type="bullet">
/// <item>TCP keepalive after 3 s idle, probes every 1 s (Linux gives up after 9 probes: ~12 s on an idle
/// pooled connection); an Npgsql keepalive query after 5 s idle.</item>
/// <item>Connect time-out 5 s; command time-out 15 s (a query against a frozen or cut-off server fails
/// instead of hanging; lease commands use shorter ones of their own).</item>
/// <item><c>idle_in_transaction_session_timeout</c> 10 s on the server: a client frozen (SIGSTOP, paused VM)
/// inside a transaction has its session ended, so the row locks it held cannot block other instances for
/// longer. A fenced mark (which locks the lease row) lowers it to the lease expiry for its own transaction.</item>
/// </list>
/// </summary>
public static class PostgresConnectionDefaults
{
    public const int TcpKeepAliveTimeSeconds = 3;
    public const int TcpKeepAliveIntervalSeconds = 1;
    public const int KeepAliveSeconds = 5;
    public const int ConnectTimeoutSeconds = 5;
    public const int CommandTimeoutSeconds = 15;
    public const int IdleInTransactionTimeoutMs = 10_000;

    public static string Apply(string connectionString)
    {
        var given = GivenKeywords(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("tcpkeepalive") && !given.Contains("tcpkeepalivetime"))
        {
            builder.TcpKeepAlive = true;
            builder.TcpKeepAliveTime = TcpKeepAliveTimeSeconds;
            builder.TcpKeepAliveInterval = TcpKeepAliveIntervalSeconds;
        }

        if (!given.Contains("keepalive"))
        {
            builder.KeepAlive = KeepAliveSeconds;
        }

        if (!given.Contains("timeout"))
        {
            builder.Timeout = ConnectTimeoutSeconds;
        }

        if (!given.Contains("commandtimeout"))
        {
            builder.CommandTimeout = CommandTimeoutSeconds;
        }

        if (builder.Options is not { } options || !options.Contains("idle_in_transaction_session_timeout", StringComparison.Ordinal))
        {
            builder.Options = ((builder.Options ?? "") + $" -c idle_in_transaction_session_timeout={IdleInTransactionTimeoutMs}").Trim();
        }

        return builder.ConnectionString;
    }

    /// <summary>The keywords the string itself sets, lower case without spaces ("Tcp Keepalive" → "tcpkeepalive").</summary>
    private static HashSet<string> GivenKeywords(string connectionString)
    {
        var parsed = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return parsed.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
    }
}
