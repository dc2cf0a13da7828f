using MdoBot.Domain.Conversations;

namespace MdoBot.Domain.Persistence;

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

    /// <summary>Marks the inbound activity as processed; a second commit with the same key is a duplicate.</summary>
    public string? InboxKey { get; set; }

    /// <summary>The HTTP response body for an invoke, replayed for a duplicate delivery.</summary>
    public string? InvokeResponse { get; set; }

    /// <summary>Content was erased: compact the storage after the commit so the text is physically gone.</summary>
    public bool CompactAfterCommit { get; set; }

    /// <summary>A timer this change set fires; the commit fails as a duplicate if it already fired.</summary>
    public string? FiredTimerKey { get; set; }

    public IReadOnlyList<ConversationRef> Conversations => _conversations;
    public IReadOnlyList<OutboxItem> Outbox => _outbox;
    public IReadOnlyList<TimerRecord> Timers => _timers;
    public IReadOnlyList<string> CancelledTimers => _cancelledTimers;
    public IReadOnlyList<DocumentChange> Documents => _documents;
    public IReadOnlyList<AuditEntry> Audit => _audit;

    public bool HasChanges =>
        _conversations.Count + _outbox.Count + _timers.Count + _cancelledTimers.Count + _documents.Count + _audit.Count > 0
        || FiredTimerKey is not null;

    /// <summary>Drops every recorded change except the conversation reference (used when an operation is refused).</summary>
    public void Discard()
    {
        _outbox.Clear();
        _timers.Clear();
        _cancelledTimers.Clear();
        _documents.Clear();
        _audit.Clear();
    }

    public void SaveConversation(ConversationRef conversation) => _conversations.Add(conversation);

    public void Enqueue(OutboxItem item) => _outbox.Add(item);

    public void Schedule(TimerRecord timer) => _timers.Add(timer);

    public void CancelTimer(string key) => _cancelledTimers.Add(key);

    public void SaveDocument(DocumentChange change) => _documents.Add(change);

    public void Record(AuditEntry entry) => _audit.Add(entry);
}

/// <summary>
/// A versioned JSON document (an aggregate such as an MDO). <see cref="ExpectedVersion"/> 0 means
/// "new"; a mismatch at commit is a concurrency conflict and nothing is written.
/// <see cref="Json"/> null deletes the document.
/// </summary>
public sealed record DocumentChange(string Kind, string Id, string ConversationId, long ExpectedVersion, string? Json, string? Status = null);

/// <summary>Who changed what, where and when — never the content itself.</summary>
public sealed record AuditEntry(DateTimeOffset At, string? UserId, string Action, string ConversationId, string? MdoId = null, string? CaseId = null);
