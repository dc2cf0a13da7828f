using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.MdoFlow.Pipeline;

/// <summary>Answers the user the same way whether the action came as an invoke, a submit or a typed command.</summary>
public static class TurnReplies
{
    /// <summary>A short text: the invoke's message response, or a chat message.</summary>
    public static void Reply(this TurnContext turn, string text)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            turn.InvokeResponse = InvokeResponses.Message(text);
        }
        else
        {
            turn.SendText(text);
        }
    }

    /// <summary>
    /// Replaces the card the user acted on (invoke) — when the same card is also updated for everyone
    /// through <paramref name="alreadyUpdatedForAll"/>, a submit or command needs nothing more.
    /// </summary>
    public static void ReplyCard(this TurnContext turn, AdaptiveCard card, bool alreadyUpdatedForAll = false)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            turn.InvokeResponse = InvokeResponses.Card(card);
        }
        else if (!alreadyUpdatedForAll)
        {
            turn.SendCard(card);
        }
    }
}
