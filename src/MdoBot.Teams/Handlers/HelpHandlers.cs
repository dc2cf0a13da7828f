using MdoBot.Teams.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Handlers;

/// <summary><c>help</c> / <c>hulp</c>: the help card.</summary>
public sealed class HelpCommandHandler : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["help", "hulp", "?"];

    public Task HandleAsync(TurnContext turn, CommandText command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.SendCard(HelpCard.Build(turn.Language));
        return Task.CompletedTask;
    }
}

/// <summary>The welcome card's Help button.</summary>
public sealed class ShowHelpHandler : ICardVerbHandler
{
    public string Verb => CardVerbs.ShowHelp;

    public Task HandleAsync(TurnContext turn, CardVerbData data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.SendCard(HelpCard.Build(turn.Language));
        if (data is { IsInvoke: true })
        {
            turn.InvokeResponse = InvokeResponses.Message(turn.Language.Text("Handlers.iPostedTheCommandsInThe"));
        }

        return Task.CompletedTask;
    }
}

/// <summary>Anything that is no known command gets the help card.</summary>
public sealed class UnknownCommandHandler : IFallbackMessageHandler
{
    public Task HandleAsync(TurnContext turn, CommandText command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(command);
        if (turn.Activity.Value is not null && command.Verb.Length == 0)
        {
            turn.SendText(turn.Language.Text("Handlers.thisButtonNoLongerWorksType"));
            return Task.CompletedTask;
        }

        turn.SendCard(HelpCard.Build(turn.Language));
        return Task.CompletedTask;
    }
}
