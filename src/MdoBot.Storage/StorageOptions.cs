namespace MdoBot.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"sqlite" (default, embedded file) or "postgres".</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Path of the SQLite database file, created on first run.</summary>
    public string SqlitePath { get; set; } = "data/mdobot.db";

    /// <summary>PostgreSQL connection string (provider "postgres").</summary>
    public string? PostgresConnectionString { get; set; }
}
