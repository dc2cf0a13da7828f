using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage;

/// <summary>
/// The rows a turn reads, kept in memory for a store that is the only writer of its database (SQLite: one process per
/// file). Every write of those rows goes through the store's commit, which tells this cache what it committed, so a
/// read can be answered without a read transaction: SQLite drops a reader's whole page cache after every commit of
/// another connection, so each such read otherwise fetches its b-tree pages from the OS again.
/// <list type="bullet">
/// <item>Documents by kind and id, with their version: a committed change replaces an entry of a lower version, a
/// delete removes it. A stale entry can only make a commit fail as a conflict (its version is checked in the same
/// transaction); the store then evicts the change set's documents and the turn reads them again.</item>
/// <item>Conversation references: a committed save evicts the entry (the upsert merges columns in SQL), the next read
/// loads it again.</item>
/// <item>The inbox horizon (before which activities are refused as too old): read once, raised by pruning before its
/// commit.</item>
/// <item>Fingerprints of the inbox's keys (loaded once, then added by each commit, dropped by pruning by the hour), so a
/// turn knows an activity is new without reading the inbox; a fingerprint that matches only means "look it up".</item>
/// <item>The answer seal keys of scopes (each committed once, then only ever deleted by an erasure of its scope): an
/// erasure forgets its scope's key when it is applied, before its commit, and an offer made from a read before any
/// such erasure is refused, so a turn never seals with a key that is no longer stored.</item>
/// <item>The lookup-key queries of a conversation (which keys occur, which documents carry them): any change of a key
/// of that conversation drops them.</item>
/// </list>
/// A read offers what it loaded together with the generation it saw before reading; an offer is refused when any write
/// the cache follows by eviction happened meanwhile, so a read of a snapshot from before a delete or save can never
/// put the old row back. The cache is bounded (entries and document text) and is emptied when full; it holds no more
/// than the database does, and an erased document leaves it in the erasure's commit.
/// </summary>
internal sealed class RowCache(
    int maxDocuments = RowCache.DefaultMaxDocuments, long maxDocumentBytes = RowCache.DefaultMaxDocumentBytes, int maxSeen = RowCache.DefaultMaxSeen)
{
    public const int DefaultMaxDocuments = 2048;

    /// <summary>8 MB of document text, held as UTF-8.</summary>
    public const long DefaultMaxDocumentBytes = 8L * 1024 * 1024;

    /// <summary>Inbox keys followed in memory (about 24 MB at most); past it, turns look the inbox up again until pruning makes room.</summary>
    public const int DefaultMaxSeen = 1_000_000;

    private const int MaxConversations = 8192;

    private const int MaxKeyQueries = 8192;

    private const int MaxSealKeys = 8192;

    private readonly Dictionary<string, byte[]> _sealKeys = new(StringComparer.Ordinal);
    private long _sealGeneration;

    private readonly Lock _gate = new();
    /// <summary>
    /// Documents with their text as UTF-8 in a pooled buffer, overwritten in place by the next version when it fits.
    /// A cached row lives long enough to reach the oldest GC generation; a new string per save would leave every
    /// replaced version there as garbage until a full collection (about 35 MB at 200 meetings), a reused buffer does
    /// not. Buffers go back to the pool cleared, so a deleted or erased text does not stay in memory either.
    /// </summary>
    private readonly Dictionary<(string Kind, string Id), CachedDocument> _documents = [];
    private readonly Dictionary<string, ConversationRef> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, object>> _keyQueries = new(StringComparer.Ordinal);
    private int _keyQueryCount;
    private long _documentBytes;
    private long _generation;
    private long? _inboxHorizon;

    /// <summary>Fingerprints of the inbox's keys by the hour they were received, so pruning drops whole hours.</summary>
    private readonly Dictionary<long, HashSet<ulong>> _seen = [];
    private int _seenCount;
    private bool _seenLoaded;
    private bool _seenLoading;
    private bool _seenOverflowed;
    private long _seenGeneration;

    private const long SeenBucketMs = 3_600_000;

    private long _horizonGeneration;

    /// <summary>The generation to pass with an offer: read it before the database read whose result is offered.</summary>
    public long Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    /// <summary>The inbox horizon in Unix milliseconds, once read from the database; raised by pruning.</summary>
    public long? InboxHorizon
    {
        get
        {
            lock (_gate)
            {
                return _inboxHorizon;
            }
        }
    }

    /// <summary>The generation to pass with <see cref="OfferInboxHorizon"/>: read it before the database read.</summary>
    public long InboxHorizonGeneration
    {
        get
        {
            lock (_gate)
            {
                return _horizonGeneration;
            }
        }
    }

    /// <summary>The horizon as read from the database; refused when pruning moved it meanwhile.</summary>
    public void OfferInboxHorizon(long forgottenBeforeMs, long generation)
    {
        lock (_gate)
        {
            if (generation == _horizonGeneration)
            {
                _inboxHorizon = Math.Max(_inboxHorizon ?? forgottenBeforeMs, forgottenBeforeMs);
            }
        }
    }

    /// <summary>
    /// Pruning is about to move the horizon to <paramref name="forgottenBeforeMs"/> (before its commit, under the write
    /// gate, so no commit checks a lower one once the pruned entries are gone; should the pruning fail, the horizon is
    /// only stricter than stored).
    /// </summary>
    public void RaiseInboxHorizon(long forgottenBeforeMs)
    {
        lock (_gate)
        {
            _horizonGeneration++;
            if (_inboxHorizon is { } known)
            {
                _inboxHorizon = Math.Max(known, forgottenBeforeMs);
            }
        }
    }

    /// <summary>
    /// Whether an activity may have been processed: null while the inbox's keys are not loaded (look it up), true when
    /// its fingerprint is among them (look it up: it may be a repeat, or a rare collision), false when it is certainly
    /// new — every inbox row of this database is either loaded or was added by a commit of this process since.
    /// </summary>
    public bool? MayHaveSeen(string conversationId, string activityId)
    {
        var fingerprint = Fingerprint(conversationId, activityId);
        lock (_gate)
        {
            if (!_seenLoaded)
            {
                return null;
            }

            foreach (var bucket in _seen.Values)
            {
                if (bucket.Contains(fingerprint))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>An inbox row committed by this process, received at <paramref name="receivedMs"/>.</summary>
    public void NoteSeen(string conversationId, string activityId, long receivedMs)
    {
        lock (_gate)
        {
            AddSeen(Fingerprint(conversationId, activityId), receivedMs);
        }
    }

    /// <summary>Starts loading the inbox's keys unless they are loaded or loading; the generation is passed back with the rows.</summary>
    public bool TryStartSeenLoad(out long generation)
    {
        lock (_gate)
        {
            generation = _seenGeneration;
            if (_seenLoaded || _seenLoading || _seenOverflowed)
            {
                return false;
            }

            _seenLoading = true;
            return true;
        }
    }

    /// <summary>The inbox's keys as read (null: the read failed); refused when the cache was emptied meanwhile.</summary>
    public void SeenLoaded(IReadOnlyList<(string ConversationId, string ActivityId, long ReceivedMs)>? rows, long generation)
    {
        lock (_gate)
        {
            if (generation != _seenGeneration)
            {
                return; // a newer load may start
            }

            _seenLoading = false;
            if (rows is null)
            {
                return;
            }

            foreach (var (conversationId, activityId, receivedMs) in rows)
            {
                AddSeen(Fingerprint(conversationId, activityId), receivedMs);
            }

            _seenLoaded = !_seenOverflowed;
        }
    }

    /// <summary>Pruning deleted the inbox rows received before <paramref name="beforeMs"/>: their whole hours are forgotten.</summary>
    public void PrunedSeen(long beforeMs)
    {
        lock (_gate)
        {
            foreach (var hour in _seen.Keys.Where(h => (h + 1) * SeenBucketMs <= beforeMs).ToList())
            {
                _seenCount -= _seen[hour].Count;
                _seen.Remove(hour);
            }

            if (_seenOverflowed)
            {
                _seenOverflowed = false; // load anew: pruning may have made room
                ForgetSeen();
            }
        }
    }

    public bool TryGetDocument(string kind, string id, out StoredDocument? document)
    {
        lock (_gate)
        {
            if (_documents.TryGetValue((kind, id), out var held))
            {
                document = new StoredDocument(kind, id, held.ConversationId, held.Version,
                    System.Text.Encoding.UTF8.GetString(held.Text, 0, held.Length), held.Status);
                return true;
            }

            document = null;
            return false;
        }
    }

    /// <summary>A document as read from the database (nothing when absent: only what exists is cached).</summary>
    public void OfferDocument(StoredDocument document, long generation)
    {
        lock (_gate)
        {
            if (generation == _generation)
            {
                PutDocument(document);
            }
        }
    }

    public bool TryGetConversation(string conversationId, out ConversationRef? conversation)
    {
        lock (_gate)
        {
            return _conversations.TryGetValue(conversationId, out conversation);
        }
    }

    public void OfferConversation(ConversationRef conversation, long generation)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }

            if (_conversations.Count >= MaxConversations)
            {
                _conversations.Clear();
            }

            _conversations[conversation.ConversationId] = conversation;
        }
    }

    /// <summary>A lookup-key query's result, by the query's own text (kind, keys and bound) within its conversation.</summary>
    public bool TryGetKeyQuery<T>(string conversationId, string query, out T? result)
        where T : class
    {
        lock (_gate)
        {
            if (_keyQueries.TryGetValue(conversationId, out var queries) && queries.TryGetValue(query, out var found))
            {
                result = (T)found;
                return true;
            }
        }

        result = null;
        return false;
    }

    public void OfferKeyQuery(string conversationId, string query, object result, long generation)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }

            if (_keyQueryCount >= MaxKeyQueries)
            {
                _keyQueries.Clear();
                _keyQueryCount = 0;
            }

            if (!_keyQueries.TryGetValue(conversationId, out var queries))
            {
                _keyQueries[conversationId] = queries = new Dictionary<string, object>(StringComparer.Ordinal);
            }

            if (queries.TryAdd(query, result))
            {
                _keyQueryCount++;
            }
        }
    }

    /// <summary>What a change set wrote, once its transaction committed.</summary>
    public void Committed(ChangeSet changes)
    {
        lock (_gate)
        {
            foreach (var doc in changes.Documents)
            {
                if (doc.Json is null)
                {
                    RemoveDocument(doc.Kind, doc.Id);
                    _generation++;
                }
                else
                {
                    PutDocument(new StoredDocument(doc.Kind, doc.Id, doc.ConversationId, doc.ExpectedVersion + 1, doc.Json, doc.Status));
                }

                if (doc.Json is null || doc.Index is { KeysUnchanged: false })
                {
                    DropKeyQueries(doc.ConversationId);
                }
            }

            foreach (var conversation in changes.Conversations)
            {
                _conversations.Remove(conversation.ConversationId);
                _generation++;
            }
        }
    }

    /// <summary>
    /// A change set that was not committed (a conflict, a duplicate) or whose outcome is unknown (the commit failed):
    /// what it touched is read from the database again.
    /// </summary>
    public void Evict(ChangeSet changes)
    {
        lock (_gate)
        {
            foreach (var doc in changes.Documents)
            {
                RemoveDocument(doc.Kind, doc.Id);
                DropKeyQueries(doc.ConversationId);
            }

            foreach (var conversation in changes.Conversations)
            {
                _conversations.Remove(conversation.ConversationId);
            }

            _generation++;
        }
    }

    /// <summary>The generation to pass with <see cref="OfferSealKey"/>: read it before the seal key's database read.</summary>
    public long SealGeneration
    {
        get
        {
            lock (_gate)
            {
                return _sealGeneration;
            }
        }
    }

    /// <summary>The committed answer seal key of a scope, when known.</summary>
    public bool TryGetSealKey(string scope, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? key)
    {
        lock (_gate)
        {
            return _sealKeys.TryGetValue(scope, out key);
        }
    }

    /// <summary>A scope's seal key after the commit that created or read it; refused when an erasure was applied since <paramref name="generation"/>.</summary>
    public void OfferSealKey(string scope, byte[] key, long generation)
    {
        lock (_gate)
        {
            if (generation != _sealGeneration)
            {
                return;
            }

            if (_sealKeys.Count >= MaxSealKeys)
            {
                _sealKeys.Clear();
            }

            _sealKeys[scope] = key;
        }
    }

    /// <summary>An erasure of the scope is being applied (under the write gate, before its commit): its key is no longer used.</summary>
    public void ForgetSealKey(string scope)
    {
        lock (_gate)
        {
            _sealKeys.Remove(scope);
            _sealGeneration++;
        }
    }

    /// <summary>Forgets everything (a write outside the commit path, such as a migration).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _clears++;
            ClearDocuments();
            _conversations.Clear();
            _keyQueries.Clear();
            _keyQueryCount = 0;
            _generation++;
            _sealKeys.Clear();
            _sealGeneration++;
            _inboxHorizon = null;
            _horizonGeneration++;
            _seenOverflowed = false;
            ForgetSeen();
        }
    }

    private void ForgetSeen()
    {
        _seen.Clear();
        _seenCount = 0;
        _seenLoaded = false;
        _seenLoading = false;
        _seenGeneration++;
    }

    private void AddSeen(ulong fingerprint, long receivedMs)
    {
        if (_seenOverflowed)
        {
            return;
        }

        var hour = receivedMs / SeenBucketMs;
        if (!_seen.TryGetValue(hour, out var bucket))
        {
            _seen[hour] = bucket = [];
        }

        if (bucket.Add(fingerprint) && ++_seenCount > maxSeen)
        {
            ForgetSeen(); // every turn looks the inbox up meanwhile: nothing is answered from a partial set
            _seenOverflowed = true;
        }
    }

    /// <summary>64 bits of the key (the process's own string hashes: only ever compared within this process).</summary>
    private static ulong Fingerprint(string conversationId, string activityId) =>
        ((ulong)(uint)StringComparer.Ordinal.GetHashCode(conversationId) << 32) | (uint)StringComparer.Ordinal.GetHashCode(activityId);

    private long _clears;

    /// <summary>How many times everything was forgotten (tests, diagnostics).</summary>
    internal long Clears
    {
        get
        {
            lock (_gate)
            {
                return _clears;
            }
        }
    }

    /// <summary>What is held now (tests).</summary>
    internal (int Documents, long DocumentBytes, int Conversations, int KeyQueries, int SealKeys) Counts
    {
        get
        {
            lock (_gate)
            {
                return (_documents.Count, _documentBytes, _conversations.Count, _keyQueryCount, _sealKeys.Count);
            }
        }
    }

    private void PutDocument(StoredDocument document)
    {
        var key = (document.Kind, document.Id);
        var length = System.Text.Encoding.UTF8.GetByteCount(document.Json);
        if (_documents.TryGetValue(key, out var held))
        {
            if (held.Version >= document.Version)
            {
                return; // a newer version is already here (a read of an older snapshot came late)
            }
        }
        else if (_documents.Count >= maxDocuments || _documentBytes + length > maxDocumentBytes)
        {
            ClearDocuments(); // full: start over rather than track use; the working set refills it
        }

        if (length > maxDocumentBytes)
        {
            RemoveDocument(document.Kind, document.Id);
            return;
        }

        if (held is null || held.Text.Length < length)
        {
            if (held is not null)
            {
                Release(held);
            }

            held = new CachedDocument { Text = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(length, 16)) };
            _documents[key] = held;
        }
        else
        {
            _documentBytes -= held.Length;
            if (length < held.Length)
            {
                Array.Clear(held.Text, length, held.Length - length); // no tail of the older version stays behind
            }
        }

        held.Length = System.Text.Encoding.UTF8.GetBytes(document.Json, held.Text);
        held.Version = document.Version;
        held.ConversationId = document.ConversationId;
        held.Status = document.Status;
        _documentBytes += held.Length;
    }

    private void RemoveDocument(string kind, string id)
    {
        if (_documents.Remove((kind, id), out var held))
        {
            Release(held);
        }
    }

    private void ClearDocuments()
    {
        foreach (var held in _documents.Values)
        {
            Release(held);
        }

        _documents.Clear();
        _documentBytes = 0;
    }

    private void Release(CachedDocument held)
    {
        _documentBytes -= held.Length;
        System.Buffers.ArrayPool<byte>.Shared.Return(held.Text, clearArray: true);
        held.Length = 0;
    }

    private sealed class CachedDocument
    {
        public required byte[] Text { get; init; }

        public int Length { get; set; }

        public long Version { get; set; }

        public string ConversationId { get; set; } = string.Empty;

        public string? Status { get; set; }
    }

    private void DropKeyQueries(string conversationId)
    {
        if (_keyQueries.Remove(conversationId, out var queries))
        {
            _keyQueryCount -= queries.Count;
        }

        _generation++;
    }
}
