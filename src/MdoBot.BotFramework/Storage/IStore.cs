using MdoBot.BotFramework.Storage;

namespace MdoBot.BotFramework.Storage;

/// <summary>The outcome of <see cref="IStore.CommitAsync"/>.</summary>
public enum CommitOutcome
{
    Committed,

    /// <summary>The activity or the fired timer was seen before: nothing was written.</summary>
    Duplicate,

    /// <summary>A document changed since it was read: nothing was written; retry the turn.</summary>
    Conflict,
}

/// <summary>A stored document with its version.</summary>
public sealed record StoredDocument(string Kind, string Id, string ConversationId, long Version, string Json, string? Status);

/// <summary>Provider-neutral storage, owned by the domain. SQLite by default, PostgreSQL in production.</summary>
public interface IStore
{
    Task<CommitOutcome> CommitAsync(ChangeSet changes, CancellationToken ct = default);

    /// <summary>
    /// Whether an activity was processed before (one read): the inbox entry, and the time before which
    /// entries may have been pruned (an activity stamped earlier than that cannot be told from a new one).
    /// </summary>
    Task<InboxLookup> LookupInboxAsync(string conversationId, string activityId, CancellationToken ct = default);

    /// <summary>The inbox entry of an already processed activity, or null when unseen (or pruned).</summary>
    Task<InboxEntry?> GetInboxEntryAsync(string conversationId, string activityId, CancellationToken ct = default);

    Task<ConversationRef?> GetConversationAsync(string conversationId, CancellationToken ct = default);

    Task<StoredDocument?> GetDocumentAsync(string kind, string id, CancellationToken ct = default);

    Task<IReadOnlyList<StoredDocument>> GetDocumentsByConversationAsync(string kind, string conversationId, CancellationToken ct = default);

    /// <summary>
    /// The last document of a conversation by its index's sort key (by an index, not by reading the others);
    /// <paramref name="exceptStatus"/> skips documents with that status.
    /// </summary>
    Task<StoredDocument?> GetLatestDocumentAsync(string kind, string conversationId, string? exceptStatus = null, CancellationToken ct = default);

    /// <summary>The documents of a conversation, sorted before <paramref name="beforeSortKey"/>, that carry any of <paramref name="keys"/>.</summary>
    Task<IReadOnlyList<DocumentKeyHit>> FindDocumentKeysAsync(
        string kind, string conversationId, IReadOnlyCollection<string> keys, long beforeSortKey, CancellationToken ct = default);

    Task<bool> PingAsync(CancellationToken ct = default);

    /// <summary>The audit trail of a conversation (newest first).</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string conversationId, int max, CancellationToken ct = default);

    /// <summary>Rewrites the storage so that erased content is physically gone (SQLite VACUUM, PostgreSQL VACUUM FULL).</summary>
    Task CompactAsync(CancellationToken ct = default);

    /// <summary>
    /// Deletes inbox entries received before <paramref name="receivedBefore"/> (at most <paramref name="max"/>) and
    /// failed outbox messages stored before it; from then on activities stamped before it are refused as too old.
    /// Returns the number of rows deleted.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset receivedBefore, int max, CancellationToken ct = default);
}

/// <summary>
/// A processed activity: the status and body of its answer. <see cref="Answer"/> is null when the answer was
/// empty or its seal was destroyed by erasure; <see cref="Erased"/> tells the two apart.
/// </summary>
public sealed record InboxEntry(int Status, string? Answer, bool Erased = false);

/// <summary>The result of <see cref="IStore.LookupInboxAsync"/>.</summary>
public sealed record InboxLookup(InboxEntry? Entry, DateTimeOffset ForgottenBefore);

/// <summary>A delivered outbox message with what its delivery produced.</summary>
public sealed record DeliveredItem(OutboxItem Item, string? CardActivityId, string? CreatedConversationId);

/// <summary>The delivery side of the outbox.</summary>
public interface IOutboxStore
{
    Task<IReadOnlyList<OutboxItem>> GetPendingAsync(int max, CancellationToken ct = default);

    /// <summary>Removes delivered messages and remembers posted card ids and created 1:1 chats, in one commit.</summary>
    Task MarkDeliveredAsync(IReadOnlyList<DeliveredItem> delivered, CancellationToken ct = default);

    Task MarkFailedAsync(OutboxItem item, bool permanent, CancellationToken ct = default);

    Task<string?> GetPostedActivityIdAsync(string conversationId, string cardKey, CancellationToken ct = default);

    /// <summary>
    /// Only one MdoBot instance delivers the outbox at a time (so messages stay in order and are sent
    /// once). Returns a lease valid for <paramref name="expiry"/> (judged by the database's clock) unless
    /// renewed, with a fencing token higher than any earlier holder's; null while another holder's lease
    /// has not expired. <paramref name="holder"/> names the instance (diagnostics only).
    /// </summary>
    Task<IDeliveryLease?> TryAcquireDeliveryLeaseAsync(string holder, TimeSpan expiry, CancellationToken ct = default);

    /// <summary>The 1:1 conversation created earlier with a user, if any.</summary>
    Task<string?> GetPersonalConversationAsync(string userId, CancellationToken ct = default);
}

/// <summary>The firing side of stored timers.</summary>
public interface ITimerStore
{
    Task<IReadOnlyList<TimerRecord>> GetDueAsync(DateTimeOffset until, int max, CancellationToken ct = default);

    Task<DateTimeOffset?> GetNextDueAsync(CancellationToken ct = default);
}

/// <summary>
/// The right to deliver the outbox, fenced: every call below carries <see cref="FencingToken"/>, and the
/// store refuses it (false) once a newer holder took over or the lease expired by the database's clock.
/// Disposing releases the lease, so another instance can take over at once.
/// </summary>
public interface IDeliveryLease : IAsyncDisposable
{
    /// <summary>Increases on every takeover; a holder with an older token can no longer mark anything.</summary>
    long FencingToken { get; }

    /// <summary>True while this token is current and unexpired (checked before each post).</summary>
    Task<bool> IsHeldAsync(CancellationToken ct = default);

    /// <summary>The heartbeat: extends the expiry; false when the lease was lost (expired or taken over).</summary>
    Task<bool> RenewAsync(CancellationToken ct = default);

    /// <summary>As <see cref="IOutboxStore.MarkDeliveredAsync"/>, in one commit only while the lease is held; false = refused, nothing written.</summary>
    Task<bool> MarkDeliveredAsync(IReadOnlyList<DeliveredItem> delivered, CancellationToken ct = default);

    /// <summary>As <see cref="IOutboxStore.MarkFailedAsync"/>, only while the lease is held; false = refused.</summary>
    Task<bool> MarkFailedAsync(OutboxItem item, bool permanent, CancellationToken ct = default);
}
