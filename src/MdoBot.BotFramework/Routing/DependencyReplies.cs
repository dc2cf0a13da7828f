using MdoBot.BotFramework.Protocol;

namespace MdoBot.BotFramework.Routing;

/// <summary>What the user is told when a dependency of their turn is unavailable: nothing changed, try again soon.</summary>
public static class DependencyReplies
{
    public static string Text(TurnDependency dependency, Language language) => dependency == TurnDependency.Graph
        ? language.Text("Protocol.microsoft365IsNotReachableRight")
        : language.Text("Protocol.teamsIsNotReachableRightNow");

    /// <summary>Answers an invoke with the message, or a typed message in the chat; other activities get no answer.</summary>
    public static void Answer(TurnContext turn, TurnDependency dependency)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = Text(dependency, turn.Language);
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            turn.InvokeResponse = InvokeResponses.Message(text);
        }
        else if (turn.Activity.Type == ActivityTypes.Message)
        {
            turn.SendText(text);
        }
    }
}
