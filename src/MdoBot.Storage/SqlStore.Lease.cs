using System.Data.Common;
using Dapper;
using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage;

/// <summary>
/// The outbox lease as a row (<see cref="LeaseTable"/>): taken over by one conditional UPDATE once it has
/// expired, renewed by its holder's heartbeat, and every fenced write checks the token in the same
/// transaction. Expiry is judged by the database's clock (<see cref="DatabaseNowMs"/>), never by an
/// instance's <see cref="TimeProvider"/>, so a clock jump on one instance can neither steal a live lease
/// nor keep an expired one. SQLite serves one process: it uses the same row and tokens, held trivially
/// (<see cref="SingleInstanceLease"/>).
/// </summary>
public abstract partial class SqlStore
{
    /// <summary>SQL for the database's current time in Unix milliseconds (may use the parameter <c>@now</c>, the store's clock).</summary>
    protected abstract string DatabaseNowMs { get; }

    /// <summary>
    /// The fence check inside a fenced write (<paramref name="where"/> selects the current lease row; <c>@idleMs</c> is
    /// the lease expiry in milliseconds). PostgreSQL locks the row (FOR SHARE) so a takeover waits for the write, and
    /// limits how long this transaction may sit idle, so a holder frozen inside it blocks a takeover for one expiry at most.
    /// </summary>
    protected virtual string FencedLeaseCheck(string where) => $"SELECT {SelectInt64("token")} FROM leases WHERE {where}";

    /// <summary>
    /// One process per database (SQLite): the lease is held trivially — taking it always succeeds (with a new
    /// token) and never expires, so a jump of that process's clock cannot make it re-post; the token still fences.
    /// </summary>
    protected virtual bool SingleInstanceLease => false;

    /// <summary>The lease row of <c>@name</c> while <c>@token</c> is current (and, with several instances, unexpired).</summary>
    private string CurrentLease => SingleInstanceLease
        ? "lease_name = @name AND token = @token"
        : $"lease_name = @name AND token = @token AND expires_at > {DatabaseNowMs}";

    public async Task<IDeliveryLease?> TryAcquireDeliveryLeaseAsync(string holder, TimeSpan expiry, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        var ttl = LeaseMilliseconds(expiry);
        var token = await WriteAsync(async () =>
        {
            await using var conn = await OpenAsync(ct);
            return await conn.ExecuteScalarAsync<long?>(new CommandDefinition(
                $"""
                UPDATE leases SET holder = @holder, token = token + 1, expires_at = {DatabaseNowMs} + @ttl
                WHERE lease_name = @name{(SingleInstanceLease ? "" : $" AND expires_at <= {DatabaseNowMs}")}
                RETURNING {SelectInt64("token")}
                """, new { holder, ttl, name = LeaseTable.OutboxLease, now = Now() }, commandTimeout: LeaseCommandTimeout(expiry), cancellationToken: ct));
        }, ct);
        return token is { } t ? new SqlDeliveryLease(this, t, expiry) : null;
    }

    private async Task<bool> HoldsLeaseAsync(DbConnection conn, DbTransaction tx, long token, TimeSpan expiry, CancellationToken ct) =>
        await conn.ExecuteScalarAsync<long?>(new CommandDefinition(
            FencedLeaseCheck(CurrentLease),
            new { name = LeaseTable.OutboxLease, token, now = Now(), idleMs = LeaseMilliseconds(expiry).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            tx, cancellationToken: ct)) is not null;

    private async Task<bool> IsLeaseHeldAsync(long token, TimeSpan expiry, CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct);
        return await conn.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT {SelectInt64("token")} FROM leases WHERE {CurrentLease}",
            new { name = LeaseTable.OutboxLease, token, now = Now() }, commandTimeout: LeaseCommandTimeout(expiry), cancellationToken: ct)) is not null;
    }

    /// <summary>Extends an unexpired lease; an expired one is not revived (its holder must take it anew, with a new token).</summary>
    private Task<bool> RenewLeaseAsync(long token, TimeSpan expiry, CancellationToken ct) =>
        WriteAsync(async () =>
        {
            await using var conn = await OpenAsync(ct);
            return await conn.ExecuteAsync(new CommandDefinition(
                $"UPDATE leases SET expires_at = {DatabaseNowMs} + @ttl WHERE {CurrentLease}",
                new { ttl = LeaseMilliseconds(expiry), name = LeaseTable.OutboxLease, token, now = Now() },
                commandTimeout: LeaseCommandTimeout(expiry), cancellationToken: ct)) == 1;
        }, ct);

    /// <summary>Ends the lease at once (graceful stop), so another instance need not wait for its expiry.</summary>
    private Task<bool> ReleaseLeaseAsync(long token, TimeSpan expiry) =>
        WriteAsync(async () =>
        {
            await using var conn = await OpenAsync(CancellationToken.None);
            return await conn.ExecuteAsync(new CommandDefinition(
                "UPDATE leases SET expires_at = 0 WHERE lease_name = @name AND token = @token",
                new { name = LeaseTable.OutboxLease, token }, commandTimeout: LeaseCommandTimeout(expiry))) == 1;
        }, CancellationToken.None);

    private static long LeaseMilliseconds(TimeSpan expiry) =>
        expiry > TimeSpan.Zero ? (long)expiry.TotalMilliseconds : throw new ArgumentOutOfRangeException(nameof(expiry), "A lease needs a positive expiry.");

    /// <summary>A lease command that takes longer than half the expiry has failed: the heartbeat must notice in time.</summary>
    private static int LeaseCommandTimeout(TimeSpan expiry) => Math.Max(1, (int)Math.Ceiling(expiry.TotalSeconds / 2));

    private sealed class SqlDeliveryLease(SqlStore store, long token, TimeSpan expiry) : IDeliveryLease
    {
        public long FencingToken => token;

        public Task<bool> IsHeldAsync(CancellationToken ct = default) => store.IsLeaseHeldAsync(token, expiry, ct);

        public Task<bool> RenewAsync(CancellationToken ct = default) => store.RenewLeaseAsync(token, expiry, ct);

        public Task<bool> MarkDeliveredAsync(IReadOnlyList<DeliveredItem> delivered, CancellationToken ct = default)
        {
            ArgumentNullException.ThrowIfNull(delivered);
            return store.MarkDeliveredCoreAsync(delivered, (token, expiry), ct);
        }

        public Task<bool> DeferAsync(OutboxItem item, DateTimeOffset notBefore, int status, CancellationToken ct = default) =>
            store.DeferCoreAsync(item, notBefore, status, (token, expiry), ct);

        public Task<bool> ParkAsync(OutboxItem item, int status, string reason, CancellationToken ct = default) =>
            store.ParkCoreAsync(item, status, reason, (token, expiry), ct);

        public Task<bool> MarkReportedAsync(IReadOnlyList<long> deadLetterIds, IReadOnlyList<OutboxItem> notices, CancellationToken ct = default) =>
            store.MarkReportedCoreAsync(deadLetterIds, notices, (token, expiry), ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                await store.ReleaseLeaseAsync(token, expiry);
            }
            catch (DbException)
            {
                // the database is unreachable: the lease then simply expires
            }
        }
    }
}
