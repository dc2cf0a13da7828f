using MdoBot.Teams.Cards;
using MdoBot.Teams.Routing;

namespace MdoBot.Teams.MdoFlow;

/// <summary>
/// The shared pipeline of every MDO card verb: parse the payload once, load the MDO, run the
/// operation (which records its effects), and turn a refused operation into a friendly answer
/// that changes nothing. A meeting organizer refused as "not chair" is recognised and retried once.
/// </summary>
public abstract class MdoActionHandler<TData>(MdoContextFactory factory, OrganizerCheck organizers) : ICardActionHandler
    where TData : class
{
    public abstract string Verb { get; }

    protected abstract string? MdoIdOf(TData data);

    /// <summary>Runs the domain operation first, then records effects; throws MdoRuleException when refused.</summary>
    protected abstract Task ExecuteAsync(MdoContext ctx, TData data, CancellationToken ct);

    /// <summary>The up-to-date card to show when the user acted on a stale one.</summary>
    protected virtual void ShowFresh(MdoContext ctx, TData data)
    {
    }

    /// <summary>The owner name used in "only X can confirm this".</summary>
    protected virtual string? OwnerName(MdoContext ctx, TData data) => null;

    public async Task HandleAsync(TurnContext turn, CardActionData data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(data);
        var payload = data.As<TData>();
        var ctx = payload is null ? null : await factory.ForMdoAsync(turn, MdoIdOf(payload), ct);
        if (payload is null || ctx is null || turn.UserId is null)
        {
            turn.Reply(turn.Language.Pick("Deze knop werkt niet meer: het MDO bestaat niet (meer).", "This button no longer works: the MDO no longer exists."));
            return;
        }

        await MdoGuard.RunAsync(ctx, organizers, () => ExecuteAsync(ctx, payload, ct), _ => ShowFresh(ctx, payload), OwnerName(ctx, payload), ct);
    }
}
