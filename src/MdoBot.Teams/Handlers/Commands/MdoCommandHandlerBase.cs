using MdoBot.Teams.Cards;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.Handlers.Commands;

/// <summary>A typed command acting on the open MDO of the conversation (the keyboard twin of a button).</summary>
public abstract class MdoCommandHandlerBase(MdoContextFactory factory, OrganizerCheck organizers) : ICommandHandler
{
    public abstract IReadOnlyCollection<string> Names { get; }

    /// <summary>True for commands that may read a closed MDO (e.g. the summary).</summary>
    protected virtual bool IncludesClosed => false;

    protected abstract Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct);

    public async Task HandleAsync(TurnContext turn, CommandText command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var ctx = IncludesClosed ? await factory.LatestAsync(turn, ct) : await factory.ForConversationAsync(turn, ct);
        if (ctx is null || turn.UserId is null)
        {
            turn.Reply(turn.Language.Text("Commands.thereIsNoMdoHereYet"));
            return;
        }

        await MdoGuard.RunAsync(ctx, organizers, () => ExecuteAsync(ctx, command, ct), _ => ctx.UpdateLiveAgenda(), ct: ct);
    }
}
