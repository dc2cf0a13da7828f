using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Feedback;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.AfterMdo;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.Teams.MdoFlow;

/// <summary>Each case lead gets, in a 1:1 chat, the plain-language feedback draft for the parents of their case.</summary>
public sealed class FeedbackDraftStep : IAfterCloseStep
{
    public Task RunAsync(MdoContext ctx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var lang = EvaluationCard.ToFeedback(ctx.Language);
        foreach (var c in ctx.Mdo.Cases.Where(c => c.CaseLead is not null))
        {
            var draft = FeedbackDraftGenerator.Generate(ctx.Mdo, c, lang, string.Empty, null);
            var report = PlainLanguageCheck.Analyze(draft.Text, lang);
            var card = FeedbackDraftCard.Build(ctx.Mdo, c, draft.Text, report, ctx.Language);
            ctx.Turn.SendPersonal(c.CaseLead!.Id, Activity.CreateCard(card, ctx.Language.Pick("Terugkoppeling voor de ouders", "Feedback for the parents")),
                CardKeys.Feedback(ctx.Mdo.Id, c.Id));
        }

        return Task.CompletedTask;
    }
}

/// <summary>One evaluation card for all participants, in the meeting chat.</summary>
public sealed class EvaluationInviteStep : IAfterCloseStep
{
    public Task RunAsync(MdoContext ctx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.Turn.SendCardTo(ctx.MdoConversation, EvaluationCard.Build(ctx.Mdo, ctx.Language), CardKeys.Evaluation(ctx.Mdo.Id));
        return Task.CompletedTask;
    }
}
