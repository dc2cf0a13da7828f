using System.Data.Common;

namespace MdoBot.Storage;

/// <summary>
/// A connection that keeps its prepared statements (SQLite, through the store's own pool): the statements run on
/// every turn and every delivery are parsed and planned once per connection instead of once per use.
/// </summary>
internal interface IStatementCache
{
    /// <summary>The command for <paramref name="sql"/>; <paramref name="fresh"/> when it was created just now (no parameters yet).</summary>
    DbCommand Get(string sql, out bool fresh);

    /// <summary>Forgets a command whose use failed, so the next use starts from a new one.</summary>
    void Evict(string sql);
}

/// <summary>
/// The statements of the hot paths (the turn's reads and commit, delivery marks), written against ADO.NET directly
/// so that a connection that keeps prepared statements (<see cref="IStatementCache"/>) reuses them; on other
/// connections (PostgreSQL) each is a new command, as with Dapper. Parameters are given in the same order on every
/// use of one SQL text.
/// </summary>
internal static class HotStatements
{
    public static Task<int> ExecuteAsync(DbConnection conn, DbTransaction? tx, string sql, params (string Name, object? Value)[] args) =>
        RunAsync(conn, tx, sql, args, cmd => cmd.ExecuteNonQueryAsync());

    /// <summary>The first row mapped by <paramref name="map"/> (null when none); the reader is read to its end, so no statement stays open.</summary>
    public static async Task<T?> QueryFirstAsync<T>(
        DbConnection conn, DbTransaction? tx, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] args)
        where T : class
    {
        var rows = await QueryAsync(conn, tx, sql, map, args);
        return rows.Count == 0 ? null : rows[0];
    }

    public static Task<List<T>> QueryAsync<T>(
        DbConnection conn, DbTransaction? tx, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] args) =>
        RunAsync(conn, tx, sql, args, async cmd =>
        {
            var rows = new List<T>();
            await using var reader = await cmd.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                    if (reader.FieldCount > 0)
                    {
                        rows.Add(map(reader));
                    }
                }
            }
            while (await reader.NextResultAsync());

            return rows;
        });

    /// <summary>Runs <paramref name="use"/> on the statement's command; a cached command that failed is forgotten, an uncached one disposed.</summary>
    private static async Task<T> RunAsync<T>(
        DbConnection conn, DbTransaction? tx, string sql, (string Name, object? Value)[] args, Func<DbCommand, Task<T>> use)
    {
        var cmd = Command(conn, tx, sql, args, out var owned);
        try
        {
            return await use(cmd);
        }
        catch
        {
            Failed(conn, sql, owned);
            throw;
        }
        finally
        {
            if (owned)
            {
                await cmd.DisposeAsync();
            }
        }
    }

    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static byte[]? NullableBytes(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : (byte[])reader.GetValue(ordinal);

    private static DbCommand Command(DbConnection conn, DbTransaction? tx, string sql, (string Name, object? Value)[] args, out bool owned)
    {
        DbCommand cmd;
        bool fresh;
        if (conn is IStatementCache cache)
        {
            cmd = cache.Get(sql, out fresh);
            owned = false;
        }
        else
        {
            cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            fresh = true;
            owned = true;
        }

        cmd.Transaction = tx;
        if (fresh)
        {
            foreach (var (name, value) in args)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                p.Value = value ?? DBNull.Value;
                cmd.Parameters.Add(p);
            }
        }
        else
        {
            for (var i = 0; i < args.Length; i++)
            {
                cmd.Parameters[i].Value = args[i].Value ?? DBNull.Value;
            }
        }

        return cmd;
    }

    private static void Failed(DbConnection conn, string sql, bool owned)
    {
        if (!owned && conn is IStatementCache cache)
        {
            cache.Evict(sql);
        }
    }
}
