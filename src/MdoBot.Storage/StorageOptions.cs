namespace MdoBot.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"sqlite" (default, embedded file) or "postgres".</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Path of the SQLite database file, created on first run.</summary>
    public string SqlitePath { get; set; } = "data/mdobot.db";

    /// <summary>
    /// SQLite <c>synchronous</c> mode: <c>NORMAL</c> (default; with WAL every commit survives a process
    /// crash or restart, a power failure may lose the last commits) or <c>FULL</c> (an fsync per commit).
    /// </summary>
    public string SqliteSynchronous { get; set; } = "NORMAL";

    /// <summary>
    /// SQLite group commit (default on): turns that finish while a commit is being written are committed
    /// together in the next transaction (a savepoint each; each answered only after its own commit).
    /// </summary>
    public bool SqliteGroupCommit { get; set; } = true;

    /// <summary>
    /// How many MB of the SQLite file each connection reads through a memory map (<c>mmap_size</c>; 0 = off, reads
    /// by system call). Every commit makes each other connection drop its cached pages and, with a map, unmap and
    /// fault the file in again; where page faults are dear (some virtual machines) off is faster.
    /// </summary>
    public int SqliteMmapMegabytes { get; set; } = SqliteMmapDefaultMegabytes;

    /// <summary>The default of <see cref="SqliteMmapMegabytes"/>.</summary>
    public const int SqliteMmapDefaultMegabytes = 0;

    /// <summary>PostgreSQL connection string (provider "postgres").</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>
    /// How MdoBot signs in to PostgreSQL: <c>Password</c> (default; the password is in the connection string)
    /// or <c>Entra</c> (a Microsoft Entra access token of the managed identity, renewed before it expires).
    /// </summary>
    public string PostgresAuthentication { get; set; } = "Password";

    /// <summary>Client id of the user-assigned managed identity for <c>Entra</c> (empty = system-assigned).</summary>
    public string? PostgresManagedIdentityClientId { get; set; }
}
