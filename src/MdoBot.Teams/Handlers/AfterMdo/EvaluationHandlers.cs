using MdoBot.Domain.Evaluation;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.AfterMdo;
using MdoBot.Teams.Handlers.Commands;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Repositories;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.Handlers.AfterMdo;

/// <summary>An anonymous evaluation answer; a second answer by the same person replaces the first.</summary>
public sealed class SubmitEvaluationHandler(MdoContextFactory factory, OrganizerCheck organizers, EvaluationRepository evaluations)
    : MdoVerbHandler<EvaluationActionData>(factory, organizers)
{
    public override string Verb => CardVerbs.SubmitEvaluation;

    protected override string? MdoIdOf(EvaluationActionData data) => data.MdoId;

    protected override async Task ExecuteAsync(MdoContext ctx, EvaluationActionData data, CancellationToken ct)
    {
        if (ctx.Mdo.State != MdoState.Closed)
        {
            throw new MdoRuleException(MdoError.InvalidState, "evaluate after close");
        }

        // Only participants, from the MDO's own chat (the card is posted there).
        if (ctx.Turn.Conversation.ConversationId != ctx.Mdo.ConversationId
            || (ctx.Members.Count > 0 && ctx.Members.All(m => m.Id != ctx.Actor.Id)))
        {
            throw new MdoRuleException(MdoError.NotFound, "not a participant of this MDO");
        }

        var scores = new Dictionary<EvaluationQuestion, int>();
        Put(scores, EvaluationQuestion.KeptToTime, data.Q_KeptToTime);
        Put(scores, EvaluationQuestion.LanguageClear, data.Q_LanguageClear);
        Put(scores, EvaluationQuestion.FamilyViewLeading, data.Q_FamilyViewLeading);
        Put(scores, EvaluationQuestion.ClearWhoDoesWhat, data.Q_ClearWhoDoesWhat);
        var loaded = await evaluations.GetOrNewAsync(ctx.Mdo.Id, ctx.Mdo.ConversationId, ct);
        var comment = string.IsNullOrWhiteSpace(data.Comment) ? null : data.Comment.Trim();
        var replaced = !loaded.Set.Add(new EvaluationAnswer(ctx.Mdo.Id, EvaluationRepository.RespondentKey(loaded.Salt, ctx.Actor.Id), scores, comment));
        EvaluationRepository.Save(ctx.Turn.Changes, loaded);
        ctx.Turn.Changes.Record(new BotFramework.Storage.AuditEntry(ctx.Now, null, "evaluation.answered", ctx.Mdo.ConversationId, ctx.Mdo.Id));
        ctx.Turn.Reply(replaced
            ? ctx.PersonalLanguage.Text("AfterMdo.yourEarlierAnswerWasReplacedThank")
            : ctx.PersonalLanguage.Text("AfterMdo.thankYouForYourAnswer"));
    }

    private static void Put(Dictionary<EvaluationQuestion, int> scores, EvaluationQuestion q, int? value)
    {
        if (value is { } v)
        {
            scores[q] = v;
        }
    }
}

/// <summary><c>evaluatie</c> / <c>evaluation</c>: the trend of the series (last 10 MDOs) for a chair or coordinator.</summary>
public sealed class EvaluationCommandHandler(MdoContextFactory factory, OrganizerCheck organizers, SeriesRepository series,
    EvaluationRepository evaluations, MdoRepository mdos) : MdoCommandHandlerBase(factory, organizers)
{
    public override IReadOnlyCollection<string> Names { get; } = ["evaluatie", "evaluation"];

    protected override bool IncludesClosed => true;

    protected override async Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct)
    {
        await series.RequireOverseerAsync(ctx.Mdo.ConversationId, ctx.Actor.Id, ctx.Mdo, ct);

        var sets = (await evaluations.GetForConversationAsync(ctx.Mdo.ConversationId, ct)).ToDictionary(e => e.MdoId);
        var held = (await mdos.GetSeriesAsync(ctx.Mdo.ConversationId, ct)).Where(m => m.Mdo.State == MdoState.Closed)
            .Select(m => (m.Mdo.Id, m.Mdo.StartedAt ?? m.Mdo.CreatedAt, sets.GetValueOrDefault(m.Mdo.Id) ?? new EvaluationSet(m.Mdo.Id)));
        ctx.Turn.SendCard(EvaluationTrendCard.Build(EvaluationTrend.For(held), ctx.Language, ctx.TimeZone));
    }
}
