namespace MdoBot.BotFramework.Storage;

/// <summary>What an outgoing message does.</summary>
public enum OutboxOperation
{
    /// <summary>Post a new activity; when a card key is given, remember its activity id.</summary>
    Send,

    /// <summary>Replace the activity posted earlier under the card key (updateActivity).</summary>
    Update,

    /// <summary>Create a 1:1 conversation with <see cref="OutboxItem.TargetUserId"/> and post into it.</summary>
    SendPersonal,

    /// <summary>
    /// E-mail <see cref="OutboxItem.TargetUserId"/> (address looked up at delivery time, never stored);
    /// <see cref="OutboxItem.ActivityJson"/> holds the subject and bodies.
    /// </summary>
    Email,
}

/// <summary>
/// A message MdoBot has decided to send, stored in the same transaction as the state change
/// that caused it and delivered afterwards (in order per conversation), so a restart loses none.
/// </summary>
public sealed record OutboxItem(
    string ConversationId,
    string ServiceUrl,
    OutboxOperation Operation,
    string ActivityJson,
    string? CardKey = null,
    string? TargetUserId = null,
    string? TenantId = null)
{
    /// <summary>The subject the message belongs to (e.g. an aggregate id); its undelivered messages are purged on erasure.</summary>
    public string? Scope { get; init; }

    /// <summary>An update of a posted card: a newer update of the same card makes this one pointless.</summary>
    public bool Supersedes => Operation == OutboxOperation.Update && CardKey is not null;

    /// <summary>Store-assigned sequence number (0 until stored).</summary>
    public long Id { get; init; }

    public int Attempts { get; init; }

    /// <summary>When the message was stored (store clock); the age that decides when a temporary failure becomes final.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
