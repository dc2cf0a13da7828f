using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace MdoBot.Storage.Sqlite;

/// <summary>
/// SQLite's write-ahead-log hook (<c>sqlite3_wal_hook</c>), which SQLitePCLRaw does not wrap: after every commit
/// that wrote to the log, SQLite reports how many frames the log now holds. It is called from the same native
/// library SQLitePCLRaw loaded (<c>e_sqlite3</c>, resolved the same way), on the committing thread, after the
/// commit has released its lock.
/// </summary>
internal static unsafe partial class WalHook
{
    private const int SqliteOk = 0;

    /// <summary>The listeners by the number passed to SQLite (weakly held: a store that is gone stops listening).</summary>
    private static readonly ConcurrentDictionary<nint, WeakReference<Action<int>>> Listeners = new();

    private static long _nextId;

    /// <summary>Reports each commit's log size in frames on <paramref name="connection"/> to <paramref name="id"/>'s listener.</summary>
    public static void Attach(sqlite3 connection, nint id)
    {
        ArgumentNullException.ThrowIfNull(connection);
        sqlite3_wal_hook(connection.DangerousGetHandle(), &OnCommit, id);
    }

    /// <summary>A number for <see cref="Attach"/> that calls <paramref name="listener"/> (kept alive by its owner).</summary>
    public static nint Register(Action<int> listener)
    {
        var id = (nint)Interlocked.Increment(ref _nextId);
        Listeners[id] = new WeakReference<Action<int>>(listener);
        return id;
    }

    public static void Unregister(nint id) => Listeners.TryRemove(id, out _);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnCommit(nint id, nint db, nint databaseName, int frames)
    {
        try
        {
            if (Listeners.TryGetValue(id, out var weak) && weak.TryGetTarget(out var listener))
            {
                listener(frames);
            }
        }
        catch (Exception)
        {
            // Nothing may escape into native code; a missed report only delays the next checkpoint.
        }

        return SqliteOk;
    }

    [LibraryImport("e_sqlite3")]
    private static partial nint sqlite3_wal_hook(nint db, delegate* unmanaged[Cdecl]<nint, nint, nint, int, int> callback, nint arg);
}
