using System.Text.Json;
using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.BotFramework.Routing;

/// <summary>
/// One incoming activity being handled. Handlers read the activity, read state through the
/// services, and record every change (state, outgoing messages, timers) in <see cref="Changes"/>;
/// the adapter commits it atomically before answering, and the outbox delivers the messages.
/// </summary>
public sealed class TurnContext(Activity activity, ConversationRef conversation, Language language, DateTimeOffset now, IServiceProvider services)
{
    public Activity Activity { get; } = activity;

    /// <summary>The conversation this turn belongs to (already stored or stored with this turn).</summary>
    public ConversationRef Conversation { get; } = conversation;

    public Language Language { get; } = language;

    /// <summary>The time of this turn, read once from the injected TimeProvider.</summary>
    public DateTimeOffset Now { get; } = now;

    public IServiceProvider Services { get; } = services;

    public ChangeSet Changes { get; } = new();

    /// <summary>True when MdoBot already had this conversation stored as active before this turn.</summary>
    public bool ConversationWasKnown { get; init; }

    /// <summary>The HTTP response to an invoke; null for other activity types.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    public string? UserId => Activity.From?.Id;

    public string UserName => Activity.From?.Name ?? string.Empty;

    /// <summary>Queues a new message into this conversation.</summary>
    public void Send(Activity outgoing, string? cardKey = null) => Changes.Enqueue(Outgoing.To(Conversation, outgoing, OutboxOperation.Send, cardKey));

    public void SendCard(AdaptiveCard card, string? cardKey = null, string? summary = null) =>
        Send(Activity.CreateCard(card, summary), cardKey);

    public void SendText(string text) => Send(Activity.CreateMessage(text));

    /// <summary>Queues an in-place update of the card posted earlier under <paramref name="cardKey"/>.</summary>
    public void UpdateCard(string cardKey, AdaptiveCard card) =>
        Changes.Enqueue(Outgoing.To(Conversation, Activity.CreateCard(card), OutboxOperation.Update, cardKey));

    /// <summary>Queues a card into another conversation (e.g. the meeting chat, acting from a 1:1 chat).</summary>
    public void SendCardTo(ConversationRef target, AdaptiveCard card, string? cardKey = null) =>
        Changes.Enqueue(Outgoing.To(target, Activity.CreateCard(card), OutboxOperation.Send, cardKey));

    /// <summary>Queues an in-place update of a card posted earlier in <paramref name="target"/>.</summary>
    public void UpdateCardIn(ConversationRef target, string cardKey, AdaptiveCard card) =>
        Changes.Enqueue(Outgoing.To(target, Activity.CreateCard(card), OutboxOperation.Update, cardKey));

    /// <summary>Queues a message to a user in a 1:1 chat with MdoBot (created when needed).</summary>
    public void SendPersonal(string userId, Activity outgoing, string? cardKey = null) =>
        Changes.Enqueue(Outgoing.To(Conversation, outgoing, OutboxOperation.SendPersonal, cardKey) with { TargetUserId = userId, TenantId = Conversation.TenantId });
}

/// <summary>The HTTP status and body returned for an invoke activity.</summary>
public sealed record InvokeResponse(int Status, object? Body)
{
    /// <summary>The body already serialized (its UTF-8 bytes are written as they are); set once the turn has stored it.</summary>
    public Utf8Json? Json { get; init; }

    /// <summary>This answer with its body serialized into <see cref="Json"/> (itself when that was done or there is no body).</summary>
    public InvokeResponse Serialized() =>
        Json is not null || Body is null ? this : this with { Json = new Utf8Json(JsonSerializer.SerializeToUtf8Bytes(Body, ProtocolJson.Options)) };
}

public static class Outgoing
{
    public static OutboxItem To(ConversationRef conversation, Activity activity, OutboxOperation operation, string? cardKey = null)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new OutboxItem(conversation.ConversationId, conversation.ServiceUrl, operation,
            JsonSerializer.Serialize(activity, ProtocolJson.Options), cardKey);
    }
}
