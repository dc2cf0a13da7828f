using MdoBot.BotFramework.Storage;
using MdoBot.Storage.Postgres;
using Npgsql;

namespace MdoBot.Storage.Tests;

/// <summary>How failures caused by another instance map to commit outcomes (no server needed).</summary>
public sealed class PostgresStoreClassifyTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation, "inbox_pkey", CommitOutcome.Duplicate)]
    [InlineData(PostgresErrorCodes.UniqueViolation, "documents_pkey", CommitOutcome.Conflict)]
    [InlineData(PostgresErrorCodes.UniqueViolation, null, CommitOutcome.Conflict)]
    [InlineData(PostgresErrorCodes.SerializationFailure, null, CommitOutcome.Conflict)]
    [InlineData(PostgresErrorCodes.DeadlockDetected, null, CommitOutcome.Conflict)]
    public void Classify_ConcurrencyFailure_MapsToOutcome(string sqlState, string? constraint, CommitOutcome expected) =>
        Assert.Equal(expected, PostgresStore.Classify(sqlState, constraint));

    [Theory]
    [InlineData(PostgresErrorCodes.UndefinedTable)]
    [InlineData(PostgresErrorCodes.NotNullViolation)]
    [InlineData(PostgresErrorCodes.QueryCanceled)]
    public void Classify_OtherFailure_StaysAnException(string sqlState) =>
        Assert.Null(PostgresStore.Classify(sqlState, null));
}
