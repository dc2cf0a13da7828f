using MdoBot.BotFramework.Cards;

namespace MdoBot.BotFramework.Routing;

/// <summary>Bodies of the <c>adaptiveCard/action</c> invoke response (Universal Actions).</summary>
public static class InvokeResponses
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Replace the card the user acted on with <paramref name="card"/>.</summary>
    public static InvokeResponse Card(AdaptiveCard card) =>
        new(200, new { statusCode = 200, type = CardType, value = card });

    /// <summary>Keep the card and show the user a short message.</summary>
    public static InvokeResponse Message(string text) =>
        new(200, new { statusCode = 200, type = MessageType, value = text });

    public static InvokeResponse CardError(int statusCode, string code, string message) =>
        new(200, new { statusCode, type = ErrorType, value = new { code, message } });

    public static InvokeResponse Empty() => new(200, null);
}
