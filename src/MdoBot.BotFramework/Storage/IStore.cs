using MdoBot.BotFramework.Protocol;

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

    /// <summary>
    /// When the store knows without a read that no activity with this key was processed (it is the only writer of its
    /// database and follows its inbox in memory): the inbox horizon (<see cref="InboxLookup.ForgottenBefore"/>). Null
    /// when the inbox must be looked up. A store that answers this also checks an <see cref="InboxRecord.Stamped"/> time
    /// against the horizon inside the commit, and finds a repeat by the inbox key there, answering
    /// <see cref="CommitOutcome.Duplicate"/> for either; the turn then looks the inbox up.
    /// </summary>
    DateTimeOffset? KnownUnseen(string conversationId, string activityId);

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

    /// <summary>
    /// Which of <paramref name="keys"/> a document of the conversation sorted before <paramref name="beforeSortKey"/>
    /// carries: presence only, at the same cost however many documents carry a key.
    /// </summary>
    Task<IReadOnlySet<string>> FindPresentDocumentKeysAsync(
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
public sealed record InboxEntry(int Status, Utf8Json? Answer, bool Erased = false);

/// <summary>The result of <see cref="IStore.LookupInboxAsync"/>.</summary>
public sealed record InboxLookup(InboxEntry? Entry, DateTimeOffset ForgottenBefore);

/// <summary>The firing side of stored timers.</summary>
public interface ITimerStore
{
    Task<IReadOnlyList<TimerRecord>> GetDueAsync(DateTimeOffset until, int max, CancellationToken ct = default);

    Task<DateTimeOffset?> GetNextDueAsync(CancellationToken ct = default);
}
