using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.FollowUp;
using Microsoft.Extensions.Logging;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Repositories;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.Handlers.FollowUp;

/// <summary>
/// A status update of an open action from an earlier MDO, pressed on the current MDO's case card by
/// the owner or a chair (of the earlier MDO). The change is made on the earlier MDO; then the current
/// case card is refreshed for everyone and returned as the answer.
/// </summary>
public abstract class FollowUpHandlerBase(
    MdoContextFactory factory, OrganizerCheck organizers, MdoRepository repository, FollowUpLookup lookup, ILogger logger) : ICardVerbHandler
{
    private readonly MdoVerbPipeline<FollowUpActionData> _pipeline = new(factory, organizers);

    public abstract string Verb { get; }

    public Task HandleAsync(TurnContext turn, CardVerbData data, CancellationToken ct) =>
        _pipeline.RunAsync(turn, data, new MdoVerbSteps<FollowUpActionData>(d => d.MdoId, ExecuteAsync) { OwnerName = OwnerName }, ct);

    /// <summary>Records the update on the earlier MDO; returns true when its state changed.</summary>
    protected abstract bool Apply(MdoContext earlier, MdoAction action);

    protected string? OwnerName(MdoContext ctx, FollowUpActionData data) => ctx.Mdo.FindAction(data.ActionId)?.Owner.Name;

    protected async Task ExecuteAsync(MdoContext ctx, FollowUpActionData data, CancellationToken ct)
    {
        var action = ctx.Mdo.FindAction(data.ActionId) ?? throw new MdoRuleException(MdoError.NotFound, "Action not found.");
        if (!MdoPolicy.CanMarkDone(ctx.Mdo, action, ctx.Turn.UserId))
        {
            ctx.Turn.Reply(ActionOutcome.OnlyOwnerOrChair(ctx, action));
            return;
        }

        var changed = SeriesFollowUp.IsOpen(action) && Apply(ctx, action);
        FollowUpLog.FollowUpRecorded(logger, Verb, changed);
        await RefreshCurrentCaseAsync(ctx, data, ct);
    }

    /// <summary>The current MDO's case card with the follow-up as it is now: updated for everyone and returned as the answer.</summary>
    private async Task RefreshCurrentCaseAsync(MdoContext earlier, FollowUpActionData data, CancellationToken ct)
    {
        var current = data.CurrentMdoId == earlier.Mdo.Id ? null : await repository.GetAsync(data.CurrentMdoId ?? string.Empty, ct);
        if (current is null || current.Mdo.ConversationId != earlier.Mdo.ConversationId || current.Mdo.FindCase(data.CaseId) is not { } c)
        {
            earlier.Turn.Reply(earlier.PersonalLanguage.Text("FollowUp.theStatusHasBeenUpdated"));
            return;
        }

        var followUp = await lookup.ForAsync(current.Mdo, ct, changed: earlier.Mdo);
        var ctx = new MdoContext(earlier.Turn, current, earlier.MdoConversation, earlier.Members, earlier.Options, followUp);
        ctx.Turn.ReplyCard(ctx.UpdateCaseCard(c), alreadyUpdatedForAll: true);
    }
}
