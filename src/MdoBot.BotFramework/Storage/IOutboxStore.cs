namespace MdoBot.BotFramework.Storage;

/// <summary>A delivered outbox message with what its delivery produced.</summary>
public sealed record DeliveredItem(OutboxItem Item, string? CardActivityId, string? CreatedConversationId);

/// <summary>
/// Which conversations may be delivered to now: those with pending messages whose stored not-before time has
/// passed (oldest head first), and the earliest not-before still ahead (null when none), to wake up for.
/// </summary>
public sealed record OutboxSchedule(IReadOnlyList<string> Due, DateTimeOffset? NextNotBefore);

/// <summary>The delivery side of the outbox.</summary>
public interface IOutboxStore
{
    /// <summary>Pending messages of all conversations, in commit order (diagnostics and tests; delivery reads per conversation).</summary>
    Task<IReadOnlyList<OutboxItem>> GetPendingAsync(int max, CancellationToken ct = default);

    /// <summary>One conversation's pending messages, in commit order.</summary>
    Task<IReadOnlyList<OutboxItem>> GetPendingAsync(string conversationId, int max, CancellationToken ct = default);

    /// <summary>The conversations due at <paramref name="now"/> (at most <paramref name="max"/>) and the next not-before time.</summary>
    Task<OutboxSchedule> GetScheduleAsync(DateTimeOffset now, int max, CancellationToken ct = default);

    /// <summary>The stored not-before time of a conversation (null when it has none: deliverable at once).</summary>
    Task<DateTimeOffset?> GetNotBeforeAsync(string conversationId, CancellationToken ct = default);

    /// <summary>Dead letters nobody was told about yet, oldest first.</summary>
    Task<IReadOnlyList<DeadLetter>> GetUnreportedDeadLettersAsync(int max, CancellationToken ct = default);

    /// <summary>Every dead letter still kept, oldest first (diagnostics and tests).</summary>
    Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(int max, CancellationToken ct = default);

    /// <summary>Removes delivered messages and remembers posted card ids and created 1:1 chats, in one commit.</summary>
    Task MarkDeliveredAsync(IReadOnlyList<DeliveredItem> delivered, CancellationToken ct = default);

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

    /// <summary>
    /// As <see cref="IOutboxStore.MarkDeliveredAsync"/>, in one commit only while the lease is held; the conversations'
    /// back-off is cleared in the same commit. False = refused, nothing written.
    /// </summary>
    Task<bool> MarkDeliveredAsync(IReadOnlyList<DeliveredItem> delivered, CancellationToken ct = default);

    /// <summary>
    /// A temporary failure: counts the attempt and stores <paramref name="notBefore"/> as the conversation's
    /// not-before time (nothing of it is sent earlier), with the failure's status (0 = no HTTP answer). False = refused.
    /// </summary>
    Task<bool> DeferAsync(OutboxItem item, DateTimeOffset notBefore, int status, CancellationToken ct = default);

    /// <summary>
    /// A permanent failure: parks the message as a dead letter with its status and short reason (its content is
    /// dropped), unreported; the conversation's back-off is cleared. False = refused.
    /// </summary>
    Task<bool> ParkAsync(OutboxItem item, int status, string reason, CancellationToken ct = default);

    /// <summary>Marks dead letters as reported and stores the notices about them, in one commit. False = refused.</summary>
    Task<bool> MarkReportedAsync(IReadOnlyList<long> deadLetterIds, IReadOnlyList<OutboxItem> notices, CancellationToken ct = default);
}
