namespace MdoBot.BotFramework.Routing;

/// <summary>A typed command (e.g. <c>help</c>, <c>agenda</c>, <c>volgende</c>), Dutch and English names.</summary>
public interface ICommandHandler
{
    /// <summary>The lower-case command words this handler answers (all languages).</summary>
    IReadOnlyCollection<string> Names { get; }

    Task HandleAsync(TurnContext turn, CommandText command, CancellationToken ct);
}

/// <summary>One card action verb (Action.Execute invoke or the Action.Submit fallback).</summary>
public interface ICardVerbHandler
{
    string Verb { get; }

    /// <summary>Handles the action; for an invoke, sets <see cref="TurnContext.InvokeResponse"/> (else a 200 with an empty body is sent).</summary>
    Task HandleAsync(TurnContext turn, CardVerbData data, CancellationToken ct);
}

/// <summary>conversationUpdate and installationUpdate.</summary>
public interface IConversationEventHandler
{
    Task HandleConversationUpdateAsync(TurnContext turn, CancellationToken ct);

    Task HandleInstallationUpdateAsync(TurnContext turn, CancellationToken ct);
}

/// <summary>An <c>event</c> activity by name (e.g. <c>application/vnd.microsoft.meetingStart</c>).</summary>
public interface IEventHandler
{
    string EventName { get; }

    Task HandleAsync(TurnContext turn, CancellationToken ct);
}

/// <summary>An <c>invoke</c> activity by name other than <c>adaptiveCard/action</c>.</summary>
public interface IInvokeHandler
{
    string InvokeName { get; }

    Task HandleAsync(TurnContext turn, CancellationToken ct);
}

/// <summary>Answers a message that is no known command (the help card).</summary>
public interface IFallbackMessageHandler
{
    Task HandleAsync(TurnContext turn, CommandText command, CancellationToken ct);
}
