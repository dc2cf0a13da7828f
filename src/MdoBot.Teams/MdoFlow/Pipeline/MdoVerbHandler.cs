using MdoBot.Teams.Cards;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.MdoFlow.Pipeline;

/// <summary>What one MDO card verb does, step by step, for <see cref="MdoVerbPipeline{TData}"/>.</summary>
/// <param name="MdoIdOf">The MDO the payload is about.</param>
/// <param name="Execute">Runs the domain operation first, then records effects; throws MdoRuleException when refused.</param>
public sealed record MdoVerbSteps<TData>(Func<TData, string?> MdoIdOf, Func<MdoContext, TData, CancellationToken, Task> Execute)
    where TData : class
{
    /// <summary>The up-to-date card to show when the user acted on a stale one.</summary>
    public Action<MdoContext, TData>? ShowFresh { get; init; }

    /// <summary>The owner name used in "only X can confirm this".</summary>
    public Func<MdoContext, TData, string?>? OwnerName { get; init; }
}

/// <summary>
/// The shared pipeline of every MDO card verb: parse the payload once, load the MDO, run the
/// operation (which records its effects), and turn a refused operation into a friendly answer
/// that changes nothing. A meeting organizer refused as "not chair" is recognised and retried once.
/// </summary>
public sealed class MdoVerbPipeline<TData>(MdoContextFactory factory, OrganizerCheck organizers)
    where TData : class
{
    public async Task RunAsync(TurnContext turn, CardVerbData data, MdoVerbSteps<TData> steps, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(steps);
        var payload = data.As<TData>();
        var ctx = payload is null ? null : await factory.ForMdoAsync(turn, steps.MdoIdOf(payload), ct);
        if (payload is null || ctx is null || turn.UserId is null)
        {
            turn.Reply(turn.Language.Text("Flow.thisButtonNoLongerWorksThe"));
            return;
        }

        await MdoGuard.RunAsync(ctx, organizers, () => steps.Execute(ctx, payload, ct),
            _ => steps.ShowFresh?.Invoke(ctx, payload), steps.OwnerName?.Invoke(ctx, payload), ct);
    }
}

/// <summary>A card verb handler on one MDO (the base of verb handlers that need no family base of their own).</summary>
public abstract class MdoVerbHandler<TData>(MdoContextFactory factory, OrganizerCheck organizers) : ICardVerbHandler
    where TData : class
{
    private readonly MdoVerbPipeline<TData> _pipeline = new(factory, organizers);

    public abstract string Verb { get; }

    protected abstract string? MdoIdOf(TData data);

    /// <summary>Runs the domain operation first, then records effects; throws MdoRuleException when refused.</summary>
    protected abstract Task ExecuteAsync(MdoContext ctx, TData data, CancellationToken ct);

    public Task HandleAsync(TurnContext turn, CardVerbData data, CancellationToken ct) =>
        _pipeline.RunAsync(turn, data, new MdoVerbSteps<TData>(MdoIdOf, ExecuteAsync), ct);
}
