using System.Text.Json;
using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Mail;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.BotFramework.Hosting;

/// <summary>Performs one outbox item against the Bot Connector service.</summary>
public sealed class OutboxDelivery(IConnectorClient connector, IOutboxStore outbox, IStore store, IMailSender mail)
{
    /// <summary>Returns the id of the posted activity and, for a new 1:1 chat, its conversation id.</summary>
    public async Task<(string? ActivityId, string? CreatedConversationId)> DeliverAsync(OutboxItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Operation == OutboxOperation.Email)
        {
            await SendEmailAsync(item, ct);
            return (null, null);
        }

        string? existing = null;
        if (item.Operation == OutboxOperation.Update
            && (item.CardKey is not { } key || (existing = await outbox.GetPostedActivityIdAsync(item.ConversationId, key, ct)) is null))
        {
            return (null, null); // the card was never posted (or its post failed): nothing to update
        }

        var botId = (await store.GetConversationAsync(item.ConversationId, ct))?.BotId;
        switch (item.Operation)
        {
            case OutboxOperation.Update:
                // Sent as stored, only addressed: not read into an activity and written again.
                await connector.UpdateActivityAsync(item.ServiceUrl, item.ConversationId, existing!,
                    ActivityJson.Addressed(item.ActivityJson, item.ConversationId, existing, botId), ct);
                return (existing, null);
            case OutboxOperation.SendPersonal:
                var activity = JsonSerializer.Deserialize<Activity>(item.ActivityJson, ProtocolJson.Options)
                    ?? throw new JsonException("Empty outbox activity.");
                activity.From ??= botId is null ? null : new ChannelAccount { Id = botId };
                return await SendPersonalAsync(item, activity, botId, ct);
            default:
                var sent = await connector.SendToConversationAsync(item.ServiceUrl, item.ConversationId,
                    ActivityJson.Addressed(item.ActivityJson, item.ConversationId, null, botId), ct);
                return (sent.Id, null);
        }
    }

    /// <summary>Looks the address up in the conversation's member list now (it is never stored) and sends.</summary>
    private async Task SendEmailAsync(OutboxItem item, CancellationToken ct)
    {
        var content = JsonSerializer.Deserialize<MailContent>(item.ActivityJson, ProtocolJson.Options)
            ?? throw new JsonException("Empty e-mail.");
        var members = await connector.GetConversationMembersAsync(item.ServiceUrl, item.ConversationId, ct);
        var member = members.FirstOrDefault(m => m.Id == item.TargetUserId);
        var address = member?.Email ?? member?.UserPrincipalName;
        if (string.IsNullOrWhiteSpace(address) || !address.Contains('@', StringComparison.Ordinal))
        {
            return; // no mailbox known for this member: the 1:1 chat message is what they get
        }

        var outcome = await mail.SendAsync(new MailMessage(address, content.Subject, content.HtmlBody, content.TextBody), ct);
        if (outcome.Outcome == MailOutcome.Failed)
        {
            throw new HttpRequestException("E-mail delivery failed; it will be retried.");
        }
    }

    private async Task<(string?, string?)> SendPersonalAsync(OutboxItem item, Activity activity, string? botId, CancellationToken ct)
    {
        var userId = item.TargetUserId ?? throw new InvalidOperationException("A personal message needs a target user.");
        var conversationId = await outbox.GetPersonalConversationAsync(userId, ct);
        string? created = null;
        if (conversationId is null)
        {
            var response = await connector.CreateConversationAsync(item.ServiceUrl, new ConversationParameters
            {
                IsGroup = false,
                Bot = botId is null ? null : new ChannelAccount { Id = botId },
                Members = [new ChannelAccount { Id = userId }],
                TenantId = item.TenantId,
                ChannelData = item.TenantId is null ? null : JsonSerializer.SerializeToElement(new { tenant = new { id = item.TenantId } }),
            }, ct);
            conversationId = response.Id ?? throw new InvalidOperationException("The connector created no conversation.");
            created = conversationId;
        }

        activity.Conversation = new ConversationAccount { Id = conversationId };
        var sent = await connector.SendToConversationAsync(item.ServiceUrl, conversationId, activity, ct);
        return (sent.Id, created ?? conversationId);
    }
}
