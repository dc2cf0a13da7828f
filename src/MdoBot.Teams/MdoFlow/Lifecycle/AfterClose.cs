using System.Text.Json;
using MdoBot.BotFramework.Routing;
using MdoBot.BotFramework.Storage;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.Teams.Documents;
using MdoBot.BotFramework.Mail;
using MdoBot.BotFramework.Protocol;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Repositories;

namespace MdoBot.Teams.MdoFlow.Lifecycle;

/// <summary>
/// What happens after an MDO is closed: each coordinator gets the summary in a 1:1 chat and by
/// e-mail; further steps (parents' feedback drafts, evaluation) hook in through <see cref="IAfterCloseStep"/>.
/// Everything is recorded in the closing turn's change set, so it is sent exactly once.
/// </summary>
public sealed class AfterClose(SeriesRepository series, IEnumerable<IAfterCloseStep> steps)
{
    public async Task RunAsync(MdoContext ctx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var loaded = await series.GetOrNewAsync(ctx.Mdo.ConversationId, ct);
        var summaryCard = SummaryCard.Build(ctx.Mdo, ctx.Language, ctx.TimeZone);
        var markdown = SummaryText.Markdown(ctx.Mdo, ctx.Language, ctx.TimeZone, c => FeedbackLine(c, ctx));
        var mail = new MailContent(
            ctx.Language.Text("Flow.mdoSummary") + MdoFormat.Date(ctx.Mdo.StartedAt ?? ctx.Now, ctx.TimeZone, ctx.Language),
            SummaryText.Html(markdown),
            markdown);
        foreach (var coordinator in loaded.Series.Coordinators)
        {
            ctx.Turn.SendPersonal(coordinator.Id, Activity.CreateCard(summaryCard, ctx.Language.Text("Flow.mdoSummary2")));
            ctx.Turn.Changes.Enqueue(new OutboxItem(ctx.MdoConversation.ConversationId, ctx.MdoConversation.ServiceUrl, OutboxOperation.Email,
                JsonSerializer.Serialize(mail, ProtocolJson.Options), TargetUserId: coordinator.Id, TenantId: ctx.MdoConversation.TenantId));
        }

        foreach (var step in steps)
        {
            await step.RunAsync(ctx, ct);
        }
    }

    private static string FeedbackLine(Domain.Mdo.MdoCase c, MdoContext ctx) => c.Feedback switch
    {
        Domain.Mdo.FeedbackStatus.Open => ctx.Language.Text("Flow.feedbackToParentsStillOpen"),
        Domain.Mdo.FeedbackStatus.SentByEmail => ctx.Language.Text("Flow.feedbackToParentsSentByEmail"),
        _ => ctx.Language.Text("Flow.feedbackToParentsDiscussedInPerson"),
    };
}

/// <summary>One more thing to do when an MDO closes (recorded in the same change set).</summary>
public interface IAfterCloseStep
{
    Task RunAsync(MdoContext ctx, CancellationToken ct);
}
