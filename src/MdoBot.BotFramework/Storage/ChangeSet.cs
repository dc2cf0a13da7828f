using MdoBot.BotFramework.Protocol;

namespace MdoBot.BotFramework.Storage;

/// <summary>
/// All state changes of one turn (or one timer firing), committed atomically by
/// <see cref="IStore.CommitAsync"/>. Handlers only add to it; nothing is written until commit.
/// </summary>
public sealed class ChangeSet
{
    private readonly List<ConversationRef> _conversations = [];
    private readonly List<OutboxItem> _outbox = [];
    private readonly List<TimerRecord> _timers = [];
    private readonly List<string> _cancelledTimers = [];
    private readonly List<DocumentChange> _documents = [];
    private readonly List<AuditEntry> _audit = [];
    private readonly List<string> _purgedScopes = [];

    /// <summary>
    /// Marks the inbound activity as processed; a second commit for the same activity is a duplicate.
    /// The answer is stored sealed under the change set's <see cref="Scope"/> (erasing the scope destroys it).
    /// </summary>
    public InboxRecord? Inbox { get; set; }

    /// <summary>Content was erased: compact the storage after the commit so the text is physically gone.</summary>
    public bool CompactAfterCommit { get; set; }

    /// <summary>A timer this change set fires; the commit fails as a duplicate if it already fired.</summary>
    public string? FiredTimerKey { get; set; }

    /// <summary>
    /// The subject (e.g. an aggregate id) outgoing messages of this change set are tagged with, unless
    /// they carry their own; <see cref="PurgeScope"/> removes a subject's undelivered messages.
    /// </summary>
    public string? Scope { get; set; }

    public IReadOnlyList<ConversationRef> Conversations => _conversations;
    public IReadOnlyList<OutboxItem> Outbox => _outbox;
    public IReadOnlyList<TimerRecord> Timers => _timers;
    public IReadOnlyList<string> CancelledTimers => _cancelledTimers;
    public IReadOnlyList<DocumentChange> Documents => _documents;
    public IReadOnlyList<AuditEntry> Audit => _audit;

    /// <summary>Scopes whose stored, undelivered (or failed) messages are deleted before this change set's own are stored.</summary>
    public IReadOnlyList<string> PurgedScopes => _purgedScopes;

    public bool HasChanges =>
        _conversations.Count + _outbox.Count + _timers.Count + _cancelledTimers.Count + _documents.Count + _audit.Count + _purgedScopes.Count > 0
        || FiredTimerKey is not null;

    /// <summary>Drops every recorded change except the conversation reference (used when an operation is refused).</summary>
    public void Discard()
    {
        _outbox.Clear();
        _timers.Clear();
        _cancelledTimers.Clear();
        _documents.Clear();
        _audit.Clear();
        _purgedScopes.Clear();
        CompactAfterCommit = false;
    }

    public void SaveConversation(ConversationRef conversation) => _conversations.Add(conversation);

    /// <summary>
    /// Queues a message. A newer update of a card replaces an older update of the same card queued in
    /// this change set (only the last state is worth sending); the store does the same for stored ones.
    /// </summary>
    public void Enqueue(OutboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var tagged = item.Scope is null && Scope is not null ? item with { Scope = Scope } : item;
        if (tagged.Supersedes)
        {
            _outbox.RemoveAll(o => o.Supersedes && o.ConversationId == tagged.ConversationId && o.CardKey == tagged.CardKey);
        }

        _outbox.Add(tagged);
    }

    public void Schedule(TimerRecord timer) => _timers.Add(timer);

    public void CancelTimer(string key) => _cancelledTimers.Add(key);

    public void SaveDocument(DocumentChange change) => _documents.Add(change);

    public void Record(AuditEntry entry) => _audit.Add(entry);

    /// <summary>
    /// Erasure of a scope's content outside its documents: its undelivered (or failed) messages are deleted and
    /// the key its stored answers are sealed with is destroyed.
    /// </summary>
    public void PurgeScope(string scope)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        _purgedScopes.Add(scope);
        _outbox.RemoveAll(o => o.Scope == scope);
    }
}

/// <summary>
/// The processed activity, by conversation and activity id, with the HTTP status of its answer and the
/// answer's body (JSON, null when empty) to repeat to a redelivery; the store keeps the body only sealed.
/// </summary>
public sealed record InboxRecord(string ConversationId, string ActivityId, int Status, Utf8Json? Answer = null)
{
    /// <summary>
    /// When the activity says it was sent: a store that knows its inbox horizon (<see cref="IStore.KnownUnseen"/>)
    /// refuses the commit as a duplicate when this is before it (the activity may have been processed and forgotten).
    /// </summary>
    public DateTimeOffset? Stamped { get; init; }
}

/// <summary>
/// A versioned JSON document (an aggregate). <see cref="ExpectedVersion"/> 0 means
/// "new"; a mismatch at commit is a concurrency conflict and nothing is written.
/// <see cref="Json"/> null deletes the document.
/// </summary>
public sealed record DocumentChange(string Kind, string Id, string ConversationId, long ExpectedVersion, string? Json, string? Status = null)
{
    /// <summary>The lookup index of the document (order within its conversation, keys); null leaves it unindexed.</summary>
    public DocumentIndex? Index { get; init; }
}

/// <summary>
/// Who changed what, where and when — never the content itself. <see cref="Scope"/> is the subject changed (as
/// <see cref="ChangeSet.Scope"/>, e.g. an aggregate id), <see cref="Item"/> the part of it (e.g. an entry's id).
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string? UserId, string Action, string ConversationId, string? Scope = null, string? Item = null);
