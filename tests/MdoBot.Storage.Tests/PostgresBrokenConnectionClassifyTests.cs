using System.Net.Sockets;
using MdoBot.Storage.Postgres;
using Npgsql;

namespace MdoBot.Storage.Tests;

/// <summary>Which failures mean "the session is gone, retry on a fresh one" (no server needed).</summary>
public sealed class PostgresBrokenConnectionClassifyTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown)] // pg_terminate_backend, smart/fast shutdown
    [InlineData(PostgresErrorCodes.CrashShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    [InlineData("25P03")] // idle_in_transaction_session_timeout
    [InlineData(PostgresErrorCodes.ConnectionFailure)]
    public void SessionEndedByServer_IsBroken(string sqlState) =>
        Assert.True(PostgresBrokenConnection.Is(new PostgresException("ended", "FATAL", "FATAL", sqlState)));

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.UndefinedTable)]
    [InlineData(PostgresErrorCodes.QueryCanceled)]
    public void StatementError_IsNotBroken(string sqlState) =>
        Assert.False(PostgresBrokenConnection.Is(new PostgresException("statement", "ERROR", "ERROR", sqlState)));

    [Fact]
    public void SocketFailures_AreBroken_TimeOutsAndOthersAreNot()
    {
        Assert.True(PostgresBrokenConnection.Is(new NpgsqlException("read", new IOException("reset"))));
        Assert.True(PostgresBrokenConnection.Is(new NpgsqlException("read", new EndOfStreamException())));
        Assert.True(PostgresBrokenConnection.Is(new NpgsqlException("connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(PostgresBrokenConnection.Is(new NpgsqlException("slow", new TimeoutException())));
        Assert.False(PostgresBrokenConnection.Is(new NpgsqlException("other")));
        Assert.False(PostgresBrokenConnection.Is(new InvalidOperationException("not a database error")));
    }
}
