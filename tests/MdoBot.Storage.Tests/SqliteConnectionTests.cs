using System.Text;
using MdoBot.BotFramework.Storage;
using MdoBot.Storage.Sqlite;
using MdoBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace MdoBot.Storage.Tests;

/// <summary>
/// Tests whose readers and checkpoints must keep pace with a writer committing without pause: run alone, so that the
/// other test classes' threads do not keep a reader from being scheduled for longer than a restart waits.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SqliteTimingCollection
{
    public const string Name = "sqlite-timing";
}

/// <summary>The SQLite store's own connection pool (connections keep their prepared statements) and the WAL checkpoint beside the writer.</summary>
[Collection(SqliteTimingCollection.Name)]
public sealed class SqliteConnectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mdobot-conn-").FullName;
    private readonly FakeTimeProvider _time = TestTime.Create();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir, "pool.db") }.ToString();

    [Fact]
    public async Task Pool_IdleConnectionComesBackWithItsPreparedStatement()
    {
        var pool = new SqliteConnectionPool(ConnectionString, maxIdle: 4);
        var first = await pool.RentAsync(CancellationToken.None);
        var statement = first.Get("SELECT 1", out var fresh);
        Assert.True(fresh);
        Assert.Equal(1L, statement.ExecuteScalar());
        await first.DisposeAsync();

        var again = await pool.RentAsync(CancellationToken.None);
        Assert.Same(first, again);
        Assert.Same(statement, again.Get("SELECT 1", out fresh));
        Assert.False(fresh);
        Assert.Equal(System.Data.ConnectionState.Open, again.State);
        again.Dispose();
        again.Dispose(); // disposed twice: still only once in the pool

        var one = await pool.RentAsync(CancellationToken.None);
        var other = await pool.RentAsync(CancellationToken.None);
        Assert.NotSame(one, other);
        one.Dispose();
        other.Dispose();
        pool.Close();
    }

    [Fact]
    public async Task Pool_ConnectionStillInATransaction_IsClosedNotPooled()
    {
        var pool = new SqliteConnectionPool(ConnectionString, maxIdle: 4);
        var conn = await pool.RentAsync(CancellationToken.None);
        using (var begin = conn.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }

        conn.Dispose();
        Assert.Equal(System.Data.ConnectionState.Closed, conn.State);
        var next = await pool.RentAsync(CancellationToken.None);
        Assert.NotSame(conn, next);
        next.Dispose();
        pool.Close();
        Assert.Equal(System.Data.ConnectionState.Closed, next.State); // Close closes the idle ones
    }

    [Fact]
    public async Task Pool_FullPool_ClosesTheRest()
    {
        var pool = new SqliteConnectionPool(ConnectionString, maxIdle: 1);
        var a = await pool.RentAsync(CancellationToken.None);
        var b = await pool.RentAsync(CancellationToken.None);
        a.Dispose();
        b.Dispose();
        Assert.Equal(System.Data.ConnectionState.Open, a.State);
        Assert.Equal(System.Data.ConnectionState.Closed, b.State);
        pool.Close();
        Assert.Equal(System.Data.ConnectionState.Closed, a.State);
    }

    [Fact]
    public async Task Checkpoint_NoCommitCopiesTheWal_TheBackgroundCheckpointDoes()
    {
        var path = Path.Combine(_dir, "mdobot.db");
        using var store = new SqliteStore(path, _time, groupCommit: false);
        await store.MigrateAsync();
        await store.Checkpointer.LastRun;
        const string marker = "wal-marker-7f3c";
        var commits = 0;
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Document("d-marker", $"{{\"t\":\"{marker}\"}}")));
        while (store.Checkpointer.Frames < WalCheckpointer.CheckpointFrames - 100)
        {
            Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Document($"d{commits++}", "{}")));
        }

        Assert.Equal(0, store.Checkpointer.Runs);
        Assert.DoesNotContain(marker, MainFile(path), StringComparison.Ordinal); // still only in the WAL: commits do not checkpoint
        Assert.Contains(marker, File.ReadAllText(path + "-wal", Encoding.Latin1), StringComparison.Ordinal);

        var idle = store.Checkpointer.LastRun;
        while (ReferenceEquals(store.Checkpointer.LastRun, idle)) // until a commit starts one (not until it is done: that takes what the disk takes)
        {
            Assert.True(commits < 10_000, "a checkpoint started");
            Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Document($"d{commits++}", "{}")));
        }

        await store.Checkpointer.LastRun;
        Assert.Equal(1, store.Checkpointer.Runs);
        Assert.Contains(marker, MainFile(path), StringComparison.Ordinal);
    }

    /// <summary>The interval is counted in log frames, not commits: commits of big documents checkpoint sooner.</summary>
    [Fact]
    public async Task Checkpoint_AfterTheSameFrames_WhateverTheCommitsHold()
    {
        async Task<(int Commits, long Frames)> UntilFirstCheckpoint(string name, int bodyBytes)
        {
            using var store = new SqliteStore(Path.Combine(_dir, name), _time, groupCommit: false);
            await store.MigrateAsync();
            await store.Checkpointer.LastRun;
            var commits = 0;
            long frames = 0;
            while (store.Checkpointer.Runs == 0)
            {
                Assert.True(commits < 20_000, "a checkpoint ran");
                var body = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(bodyBytes)); // not compressible
                Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Document($"d{commits++}", $"{{\"t\":\"{body}\"}}")));
                await store.Checkpointer.LastRun; // the commit that crossed the interval started it
                frames = store.Checkpointer.Frames;
            }

            return (commits, frames);
        }

        var small = await UntilFirstCheckpoint("small.db", 8);
        var large = await UntilFirstCheckpoint("large.db", 30_000); // about ten overflow pages each
        Assert.InRange(small.Frames, WalCheckpointer.CheckpointFrames, WalCheckpointer.CheckpointFrames + 10);
        Assert.InRange(large.Frames, WalCheckpointer.CheckpointFrames, WalCheckpointer.CheckpointFrames + 30);
        Assert.True(small.Commits > 3 * large.Commits, $"{small.Commits} small commits, {large.Commits} large ones before the first checkpoint");
    }

    [Fact]
    public async Task Checkpoint_LogStartedOver_CountsTheNextIntervalFromItsStart()
    {
        var checkpointer = new WalCheckpointer(async ct =>
        {
            var conn = new SqliteConnection("Data Source=:memory:"); // not in WAL mode: its checkpoint reports no log
            await conn.OpenAsync(ct);
            return conn;
        }, restart => restart());
        using var _ = checkpointer;
        checkpointer.LogFrames(100);
        checkpointer.LogFrames(WalCheckpointer.CheckpointFrames - 1);
        Assert.Equal(0, checkpointer.Runs);
        checkpointer.LogFrames(WalCheckpointer.CheckpointFrames + 100);
        await checkpointer.LastRun;
        Assert.Equal(1, checkpointer.Runs);

        checkpointer.LogFrames(WalCheckpointer.CheckpointFrames + 200); // 100 frames since the checkpoint
        Assert.Equal(1, checkpointer.Runs);
        checkpointer.LogFrames(50); // the log started over from its start
        checkpointer.LogFrames(WalCheckpointer.CheckpointFrames - 1);
        Assert.Equal(1, checkpointer.Runs);
        checkpointer.LogFrames(WalCheckpointer.CheckpointFrames);
        await checkpointer.LastRun;
        Assert.Equal(2, checkpointer.Runs);
    }

    /// <summary>A reader still on an old snapshot keeps the log from starting over: the restart is tried again soon, not a whole interval later.</summary>
    [Fact]
    public async Task Checkpoint_RestartKeptFromFinishingByAReader_IsTriedAgainAfterFewFrames()
    {
        var path = Path.Combine(_dir, "mdobot.db");
        using var store = new SqliteStore(path, _time, groupCommit: false);
        await store.MigrateAsync();
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Document("d-first", "{}")));
        await using (var reader = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await reader.OpenAsync();
            await using var snapshot = reader.BeginTransaction(deferred: true);
            await using (var read = reader.CreateCommand())
            {
                read.Transaction = snapshot;
                read.CommandText = "SELECT COUNT(*) FROM documents";
                Assert.Equal(1L, await read.ExecuteScalarAsync());
            }

            var commits = 0;
            while (store.Checkpointer.Runs == 0)
            {
                Assert.True(commits < 20_000, "a checkpoint ran");
                Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Document($"d{commits++}", "{}")));
                await store.Checkpointer.LastRun; // the commit that crossed the interval started it (and the restart's wait)
            }

            Assert.Equal(0, store.Checkpointer.Restarts); // the reader's snapshot still needs the log
            var framesAtFirst = store.Checkpointer.Frames;
            while (store.Checkpointer.Runs == 1)
            {
                Assert.True(commits < 40_000, "a second checkpoint ran");
                Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Document($"d{commits++}", "{}")));
                await store.Checkpointer.LastRun;
            }

            Assert.InRange(store.Checkpointer.Frames - framesAtFirst, WalCheckpointer.RetryFrames, WalCheckpointer.RetryFrames + 10);
        }

        for (var i = 0; store.Checkpointer.Restarts == 0; i++) // the reader is gone: the next attempt restarts the log
        {
            Assert.True(i < 20_000, "the log started over");
            Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Document($"e{i}", "{}")));
            await store.Checkpointer.LastRun;
        }
    }

    /// <summary>
    /// Turns that keep committing while others read: a passive checkpoint alone never lets the log start over (some
    /// commit always lands between the checkpoint and the next write), so the log would grow by every commit.
    /// </summary>
    [Theory]
    [InlineData(3000)] // about a page per commit, besides the index pages
    [InlineData(10)] // a few small pages per commit
    public async Task Wal_UnderCommitsAndReadsWithoutPause_StartsOverInsteadOfGrowing(int bodyLength)
    {
        var path = Path.Combine(_dir, "mdobot.db");
        using var store = new SqliteStore(path, _time, cacheRows: false); // reads that really hold snapshots of the file
        await store.MigrateAsync();
        var body = $"{{\"t\":\"{new string('x', bodyLength)}\"}}";
        using var done = new CancellationTokenSource();
        var reads = 0;
        // Readers on threads of their own: the thread pool stays free for the tests that run beside this one.
        var readers = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            while (!done.IsCancellationRequested)
            {
                store.GetDocumentAsync("mdo", $"d{Random.Shared.Next(1000)}").GetAwaiter().GetResult();
                Interlocked.Increment(ref reads);
            }
        }) { IsBackground = true }).ToArray();
        Array.ForEach(readers, t => t.Start());

        const long frameBytes = 4096 + 24;
        long largestWal = 0;
        var commits = 0;
        while (store.Checkpointer.Restarts < 2 && commits < 40_000)
        {
            Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Document($"d{commits}", body)));
            commits++;
            if (commits % 500 == 0)
            {
                largestWal = Math.Max(largestWal, new FileInfo(path + "-wal").Length);
            }
        }

        await done.CancelAsync();
        Array.ForEach(readers, t => t.Join());
        await store.Checkpointer.LastRun;
        largestWal = Math.Max(largestWal, new FileInfo(path + "-wal").Length);

        Assert.True(reads > commits / 10, $"readers ran beside the writer ({reads} reads, {commits} commits)");
        Assert.True(largestWal <= 3 * WalCheckpointer.RestartFrames * frameBytes,
            $"the log grew to {largestWal / frameBytes} frames (restart after {WalCheckpointer.RestartFrames}; {commits} commits, {store.Checkpointer.Runs} checkpoints, {store.Checkpointer.Restarts} restarts, {store.Checkpointer.RestartsRefused} refused)");
        Assert.True(store.Checkpointer.Restarts >= 2, $"the log started over {store.Checkpointer.Restarts} times in {commits} commits");
    }

    /// <summary>
    /// The background checkpoints of the store's own log are not another writer: the writer keeps its one connection
    /// through them and the row cache keeps what it holds (each start-over of the log used to empty it). In this class,
    /// not beside it: its commits would starve the readers of the test above.
    /// </summary>
    [Fact]
    public async Task CheckpointsStartTheLogOver_WriterKeepsItsConnection_RowCacheKeptThroughout()
    {
        using var store = new SqliteStore(Path.Combine(_dir, "mdobot.db"), _time);
        await store.MigrateAsync();
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Document("kept", "{\"n\":0}")));
        Assert.NotNull(await store.GetDocumentAsync("mdo", "kept"));
        var clears = store.Rows!.Clears;
        var body = $"{{\"t\":\"{new string('x', 3000)}\"}}";
        var commits = 0;
        while (store.Checkpointer.Restarts < 2 && commits < 40_000)
        {
            Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Document($"d{commits}", body)));
            commits++;
        }

        await store.Checkpointer.LastRun;
        Assert.True(store.Checkpointer.Restarts >= 2, $"the log started over {store.Checkpointer.Restarts} times in {commits} commits");
        Assert.Equal(1, store.Pools.Writer.Opened);
        Assert.Equal(clears, store.Rows.Clears);
        var update = new ChangeSet();
        update.SaveDocument(new DocumentChange("mdo", "kept", "conv-1", 1, "{\"n\":1}"));
        Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(update));
        Assert.Equal(clears, store.Rows.Clears);
        var kept = await store.GetDocumentAsync("mdo", "kept");
        Assert.Equal((2, "{\"n\":1}"), (kept!.Version, kept.Json));
    }

    [Fact]
    public async Task Writer_HasItsOwnConnection_AndKeepsItsPagesAcrossCommits_ReadersReloadThem()
    {
        // Without the row cache, so that the reads go to the readers' connections.
        using var store = new SqliteStore(Path.Combine(_dir, "mdobot.db"), _time, groupCommit: false, cacheRows: false);
        await store.MigrateAsync();
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(Document($"d{i}", $"{{\"n\":{i}}}")));
        }

        var (writer, readers) = store.Pools;
        var openedByWriter = writer.Opened;
        var version = (await store.GetDocumentAsync("mdo", "d7"))!.Version;
        var writerMisses = CacheMisses(Assert.Single(writer.IdleNow));
        var readerMissesBefore = readers.IdleNow.Sum(CacheMisses);
        for (var i = 0; i < 20; i++)
        {
            var changes = new ChangeSet();
            changes.SaveDocument(new DocumentChange("mdo", "d7", "conv-1", version++, $"{{\"n\":{i}}}"));
            Assert.Equal(CommitOutcome.Committed, await store.CommitAsync(changes));
            Assert.Equal(version, (await store.GetDocumentAsync("mdo", "d7"))!.Version); // a read after each commit
        }

        Assert.Equal(openedByWriter, writer.Opened); // every commit on the one writer connection
        Assert.Equal(1, writer.Opened);
        Assert.Equal(writerMisses, CacheMisses(Assert.Single(writer.IdleNow))); // its pages stayed cached
        Assert.True(readers.IdleNow.Sum(CacheMisses) - readerMissesBefore >= 20, "each read after a commit reloads pages"); // what the writer is spared
    }

    [Theory]
    [InlineData(null, 0L)]
    [InlineData(64, 64L * 1024 * 1024)]
    public async Task Mmap_IsOffByDefault_AndSetFromTheOption(int? megabytes, long expected)
    {
        var path = Path.Combine(_dir, "mdobot.db");
        using var store = megabytes is { } mb ? new SqliteStore(path, _time, mmapMegabytes: mb) : new SqliteStore(path, _time);
        await store.MigrateAsync();
        Assert.Null(await store.GetDocumentAsync("mdo", "none")); // a read: a reader connection in the pool
        using var command = store.Pools.Readers.IdleNow[0].CreateCommand();
        command.CommandText = "PRAGMA mmap_size";
        Assert.Equal(expected, (long)command.ExecuteScalar()!);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65537)]
    public void Mmap_OutOfRange_IsRefused(int megabytes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteStore(Path.Combine(_dir, "mdobot.db"), _time, mmapMegabytes: megabytes));

    private static int CacheMisses(PooledSqliteConnection connection)
    {
        const int cacheMiss = 8; // SQLITE_DBSTATUS_CACHE_MISS
        Assert.Equal(0, SQLitePCL.raw.sqlite3_db_status(connection.Handle, cacheMiss, out var current, out _, 0));
        return current;
    }

    private static ChangeSet Document(string id, string json)
    {
        var changes = new ChangeSet();
        changes.SaveDocument(new DocumentChange("mdo", id, "conv-1", 0, json));
        return changes;
    }

    private static string MainFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return reader.ReadToEnd();
    }
}
