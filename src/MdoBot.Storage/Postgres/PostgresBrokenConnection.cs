using System.Net.Sockets;
using Npgsql;

namespace MdoBot.Storage.Postgres;

/// <summary>
/// Tells a dead session apart from a failed statement: the server ended it (<c>pg_terminate_backend</c>, a
/// shutdown or crash restart: SQLSTATE class 57P, or an idle-transaction or idle-session time-out), the
/// connection failed (class 08), or the socket broke under Npgsql (reset, closed, end of stream). A command
/// time-out is not one of them: retrying it would only double the wait. Constraint violations, serialization
/// failures and every other server error are answered by the statement, on a live session, and are not either.
/// </summary>
public static class PostgresBrokenConnection
{
    public static bool Is(Exception exception) => exception switch
    {
        PostgresException pg => IsSessionEnded(pg.SqlState),
        NpgsqlException { InnerException: TimeoutException } => false,
        NpgsqlException { InnerException: IOException or SocketException or EndOfStreamException } => true,
        NpgsqlException { InnerException: NpgsqlException inner } => Is(inner),
        _ => false,
    };

    /// <summary>The SQLSTATEs with which the server ends a session (or refuses to start one for now).</summary>
    public static bool IsSessionEnded(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or "57P05" // idle_session_timeout
            or "25P03"; // idle_in_transaction_session_timeout
}
