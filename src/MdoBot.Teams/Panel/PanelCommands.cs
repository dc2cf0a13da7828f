using System.Text.Json;
using MdoBot.BotFramework.Storage;
using MdoBot.Teams.Cards;
using MdoBot.BotFramework.Hosting;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Panel;

/// <summary>
/// Runs a chair control of the side panel as the very card verb it stands for: a card action (Action.Execute
/// invoke) from the participant, processed by the same turn pipeline — the same handler, domain operation,
/// audit, stored timers and card updates, committed atomically — as a click on the card in the chat.
/// </summary>
public sealed class PanelCommands(TurnProcessor turns, TimeProvider time)
{
    public static readonly IReadOnlyDictionary<string, string> Verbs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["next"] = CardVerbs.Next,
        ["extend"] = CardVerbs.Extend,
        ["close"] = CardVerbs.Close,
    };

    public const int ExtendMinutes = 5;

    public async Task RunAsync(PanelSession session, string verb, string? locale, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var mdo = session.Mdo.Mdo;
        var data = new MeetingActionData(verb, mdo.Id, mdo.AgendaVersion, mdo.CurrentCaseId, verb == CardVerbs.Extend ? ExtendMinutes : null);
        var activity = Invoke(session.Conversation, session, locale, JsonSerializer.SerializeToElement(new
        {
            action = new { type = "Action.Execute", verb, data },
        }, ProtocolJson.Options));
        await turns.ProcessAsync(activity, ct);
    }

    private Activity Invoke(ConversationRef conversation, PanelSession session, string? locale, JsonElement value) => new()
    {
        Type = ActivityTypes.Invoke,
        Name = ActivityRouter.CardActionInvoke,
        Id = "panel-" + Guid.NewGuid().ToString("N"),
        Timestamp = time.GetUtcNow(),
        ServiceUrl = conversation.ServiceUrl,
        ChannelId = conversation.ChannelId,
        From = new ChannelAccount { Id = session.Participant.Id, Name = session.Participant.Name, AadObjectId = session.User.ObjectId },
        Recipient = new ChannelAccount { Id = conversation.BotId },
        Conversation = new ConversationAccount
        {
            Id = conversation.ConversationId,
            TenantId = conversation.TenantId,
            ConversationType = conversation.Kind == ConversationKind.Channel ? "channel" : "groupChat",
            IsGroup = true,
        },
        ChannelData = JsonSerializer.SerializeToElement(new
        {
            tenant = new { id = conversation.TenantId },
            meeting = conversation.MeetingId is { } m ? new { id = m } : null,
        }, ProtocolJson.Options),
        Locale = locale is "en-US" or "nl-NL" ? locale : null,
        Value = value,
    };
}
