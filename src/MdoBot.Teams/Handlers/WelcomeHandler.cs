using MdoBot.BotFramework.Storage;
using MdoBot.Teams.Cards;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Repositories;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Handlers;

/// <summary>
/// Greets a conversation once when MdoBot is installed or added (personal, group, meeting chat, channel)
/// and forgets the conversation reference when MdoBot is removed. Install events carry no locale: the welcome card
/// is in the conversation's language once known (its latest MDO's language, else the chat's last known locale,
/// else Dutch) and offers the switch.
/// </summary>
public sealed class WelcomeHandler(CardSettings settings, MdoRepository mdos) : IConversationEventHandler
{
    public async Task HandleConversationUpdateAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var botId = turn.Activity.Recipient?.Id;
        if (turn.Activity.MembersRemoved?.Any(m => m?.Id == botId) == true)
        {
            Deactivate(turn);
        }
        else if (turn.Activity.MembersAdded?.Any(m => m?.Id == botId) == true)
        {
            await WelcomeAsync(turn, ct);
        }
    }

    public async Task HandleInstallationUpdateAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var action = turn.Activity.Action ?? string.Empty;
        if (action.StartsWith("remove", StringComparison.OrdinalIgnoreCase))
        {
            Deactivate(turn);
        }
        else if (action.StartsWith("add", StringComparison.OrdinalIgnoreCase))
        {
            await WelcomeAsync(turn, ct);
        }
    }

    private async Task WelcomeAsync(TurnContext turn, CancellationToken ct)
    {
        // Teams sends both conversationUpdate and installationUpdate on install: greet only once.
        if (turn.ConversationWasKnown)
        {
            return;
        }

        var latest = await mdos.GetLatestAsync(turn.Conversation.ConversationId, ct);
        var lang = latest is not null ? MdoLanguage.Of(latest.Mdo) : turn.Language;
        turn.Changes.SaveConversation(turn.Conversation);
        turn.SendCard(WelcomeCard.Build(lang, settings), CardKeys.Welcome, summary: "MdoBot");
        turn.Changes.Record(new AuditEntry(turn.Now, turn.UserId, "bot.installed", turn.Conversation.ConversationId));
    }

    private static void Deactivate(TurnContext turn)
    {
        turn.Changes.SaveConversation(turn.Conversation with { Active = false });
        turn.Changes.Record(new AuditEntry(turn.Now, turn.UserId, "bot.removed", turn.Conversation.ConversationId));
    }
}
