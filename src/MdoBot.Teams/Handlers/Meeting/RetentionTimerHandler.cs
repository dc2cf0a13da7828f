using System.Text.Json;
using MdoBot.Domain.Evaluation;
using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Hosting;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Repositories;

namespace MdoBot.Teams.Handlers.Meeting;

/// <summary>
/// The retention job: when the retention period after closing is over, all free text of the MDO is
/// erased (and evaluation comments), keeping only anonymous numbers.
/// </summary>
public sealed class RetentionTimerHandler(MdoContextFactory factory, EvaluationRepository evaluations) : ITimerHandler
{
    public string Kind => MdoErasure.RetentionKind;

    public async Task HandleAsync(TurnContext turn, TimerRecord timer, bool late, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(timer);
        using var doc = JsonDocument.Parse(timer.Payload);
        var mdoId = doc.RootElement.TryGetProperty("mdoId", out var id) ? id.GetString() : null;
        var ctx = await factory.ForMdoAsync(turn, mdoId, ct);
        if (ctx is null || !ctx.Mdo.EraseContentBySystem(turn.Now))
        {
            return;
        }

        MdoErasure.AfterErase(ctx, ctx.Mdo.Cases, wholeMdo: true, "mdo.retentionErased");
        await StripCommentsAsync(ctx, ct);
    }

    /// <summary>Evaluation comments are free text too: only the scores stay.</summary>
    public static async Task StripCommentsAsync(MdoContext ctx, EvaluationRepository repository, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(repository);
        var loaded = await repository.GetOrNewAsync(ctx.Mdo.Id, ctx.Mdo.ConversationId, ct);
        if (loaded.Version == 0 || loaded.Set.Comments.Count == 0)
        {
            return;
        }

        var stripped = new EvaluationSet(ctx.Mdo.Id);
        foreach (var answer in loaded.Set.Answers)
        {
            stripped.Add(new EvaluationAnswer(ctx.Mdo.Id, answer.RespondentKey, answer.Scores));
        }

        EvaluationRepository.Save(ctx.Turn.Changes, loaded with { Set = stripped });
    }

    private Task StripCommentsAsync(MdoContext ctx, CancellationToken ct) => StripCommentsAsync(ctx, evaluations, ct);
}
