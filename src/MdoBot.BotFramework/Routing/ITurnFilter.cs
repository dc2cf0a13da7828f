namespace MdoBot.BotFramework.Routing;

/// <summary>
/// Runs before a card action or typed command reaches its handler. A filter that refuses answers
/// the user itself and returns false; nothing else happens for that turn.
/// </summary>
public interface ITurnFilter
{
    bool Allow(TurnContext turn, CardVerbData? action, CommandText? command);
}
