using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Feedback;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.AfterMdo;
using MdoBot.BotFramework.Protocol;
using MdoBot.Teams.MdoFlow.Pipeline;

namespace MdoBot.Teams.MdoFlow.Lifecycle;

/// <summary>Each case lead gets, in a 1:1 chat, the plain-language feedback draft for the parents of their case (in Dutch by default).</summary>
public sealed class FeedbackDraftStep : IAfterCloseStep
{
    public Task RunAsync(MdoContext ctx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        foreach (var c in ctx.Mdo.Cases.Where(c => c.CaseLead is not null))
        {
            // The letter is in the family's language (Dutch unless the case lead chooses otherwise on the card);
            // the card around it is in the case lead's own language.
            var draft = FeedbackDraftGenerator.Generate(ctx.Mdo, c, FeedbackLanguage.Dutch, string.Empty, null);
            var report = PlainLanguageCheck.Analyze(draft.Text, draft.Language);
            var lang = ctx.LanguageOf(c.CaseLead!.Id);
            var card = FeedbackDraftCard.Build(ctx.Mdo, c, draft.Text, report, lang);
            ctx.Turn.SendPersonal(c.CaseLead.Id, Activity.CreateCard(card, lang.Text("Flow.feedbackForTheParents")),
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
