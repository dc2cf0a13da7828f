using MdoBot.BotFramework.Storage;
using MdoBot.Teams.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Handlers;

/// <summary>
/// Greets a conversation once when MdoBot is installed or added (personal, group, meeting chat, channel)
/// and forgets the conversation reference when MdoBot is removed.
/// </summary>
public sealed class WelcomeHandler(CardSettings settings) : IConversationEventHandler
{
    public Task HandleConversationUpdateAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var botId = turn.Activity.Recipient?.Id;
        if (turn.Activity.MembersRemoved?.Any(m => m?.Id == botId) == true)
        {
            Deactivate(turn);
        }
        else if (turn.Activity.MembersAdded?.Any(m => m?.Id == botId) == true)
        {
            Welcome(turn);
        }

        return Task.CompletedTask;
    }

    public Task HandleInstallationUpdateAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var action = turn.Activity.Action ?? string.Empty;
        if (action.StartsWith("remove", StringComparison.OrdinalIgnoreCase))
        {
            Deactivate(turn);
        }
        else if (action.StartsWith("add", StringComparison.OrdinalIgnoreCase))
        {
            Welcome(turn);
        }

        return Task.CompletedTask;
    }

    private void Welcome(TurnContext turn)
    {
        // Teams sends both conversationUpdate and installationUpdate on install: greet only once.
        if (turn.ConversationWasKnown)
        {
            return;
        }

        turn.Changes.SaveConversation(turn.Conversation);
        turn.SendCard(WelcomeCard.Build(turn.Language, settings), summary: "MdoBot");
        turn.Changes.Record(new AuditEntry(turn.Now, turn.UserId, "bot.installed", turn.Conversation.ConversationId));
    }

    private static void Deactivate(TurnContext turn)
    {
        turn.Changes.SaveConversation(turn.Conversation with { Active = false });
        turn.Changes.Record(new AuditEntry(turn.Now, turn.UserId, "bot.removed", turn.Conversation.ConversationId));
    }
}
