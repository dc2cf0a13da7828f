using MdoBot.Domain.Conversations;

namespace MdoBot.Domain.Persistence;

/// <summary>The outcome of <see cref="IStore.CommitAsync"/>.</summary>
public enum CommitOutcome
{
    Committed,

    /// <summary>The inbox key or fired timer was seen before: nothing was written.</summary>
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

    /// <summary>The stored invoke response of an already processed activity, or null when unseen.</summary>
    Task<InboxEntry?> GetInboxEntryAsync(string inboxKey, CancellationToken ct = default);

    Task<ConversationRef?> GetConversationAsync(string conversationId, CancellationToken ct = default);

    Task<StoredDocument?> GetDocumentAsync(string kind, string id, CancellationToken ct = default);

    Task<IReadOnlyList<StoredDocument>> GetDocumentsByConversationAsync(string kind, string conversationId, CancellationToken ct = default);

    Task<bool> PingAsync(CancellationToken ct = default);

    /// <summary>The audit trail of a conversation (newest first).</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string conversationId, int max, CancellationToken ct = default);

    /// <summary>Rewrites the storage so that erased content is physically gone (SQLite VACUUM, PostgreSQL VACUUM FULL).</summary>
    Task CompactAsync(CancellationToken ct = default);
}

public sealed record InboxEntry(string Key, string? InvokeResponse);

/// <summary>The delivery side of the outbox.</summary>
public interface IOutboxStore
{
    Task<IReadOnlyList<OutboxItem>> GetPendingAsync(int max, CancellationToken ct = default);

    Task MarkDeliveredAsync(OutboxItem item, string? cardActivityId, string? createdConversationId, CancellationToken ct = default);

    Task MarkFailedAsync(OutboxItem item, bool permanent, CancellationToken ct = default);

    Task<string?> GetPostedActivityIdAsync(string conversationId, string cardKey, CancellationToken ct = default);

    /// <summary>
    /// Only one MdoBot instance delivers the outbox at a time (so messages stay in order and are sent
    /// once). Returns a lease to hold while delivering, or null when another instance holds it.
    /// </summary>
    Task<IDeliveryLease?> TryAcquireDeliveryLeaseAsync(CancellationToken ct = default);

    /// <summary>The 1:1 conversation created earlier with a user, if any.</summary>
    Task<string?> GetPersonalConversationAsync(string userId, CancellationToken ct = default);
}

/// <summary>The firing side of stored timers.</summary>
public interface ITimerStore
{
    Task<IReadOnlyList<TimerRecord>> GetDueAsync(DateTimeOffset until, int max, CancellationToken ct = default);

    Task<DateTimeOffset?> GetNextDueAsync(CancellationToken ct = default);
}

/// <summary>The right to deliver the outbox; <see cref="IsHeldAsync"/> turns false when it was lost.</summary>
public interface IDeliveryLease : IAsyncDisposable
{
    Task<bool> IsHeldAsync(CancellationToken ct = default);
}
