using System.Net.Mail;
using MdoBot.Domain.Feedback;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.AfterMdo;
using MdoBot.Teams.Documents;
using MdoBot.Teams.Mail;
using MdoBot.Teams.MdoFlow;
using MdoBot.Teams.Routing;

namespace MdoBot.Teams.Handlers.AfterMdo;

public abstract class FeedbackHandlerBase(MdoContextFactory factory, OrganizerCheck organizers)
    : MdoActionHandler<FeedbackActionData>(factory, organizers)
{
    protected override string? MdoIdOf(FeedbackActionData data) => data.MdoId;

    protected static MdoCase CaseOf(MdoContext ctx, FeedbackActionData data) =>
        ctx.Mdo.FindCase(data.CaseId) ?? throw new MdoRuleException(MdoError.NotFound, "case not found");

    /// <summary>Answers the draft card again with the (edited) text and a fresh plain-language check.</summary>
    protected static void ShowDraft(MdoContext ctx, MdoCase c, string text, string? notice = null)
    {
        var report = PlainLanguageCheck.Analyze(text, EvaluationCard.ToFeedback(ctx.Language));
        ctx.Turn.ReplyCard(FeedbackDraftCard.Build(ctx.Mdo, c, text, report, ctx.Language, notice));
    }
}

/// <summary>Re-runs the plain-language check on the edited text (changes nothing).</summary>
public sealed class CheckFeedbackHandler(MdoContextFactory factory, OrganizerCheck organizers) : FeedbackHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.CheckFeedback;

    protected override Task ExecuteAsync(MdoContext ctx, FeedbackActionData data, CancellationToken ct)
    {
        var c = CaseOf(ctx, data);
        MdoPolicy.DemandCaseLeadOrChair(ctx.Mdo, c, ctx.Actor);
        ShowDraft(ctx, c, data.FeedbackText ?? string.Empty);
        return Task.CompletedTask;
    }
}

/// <summary>Sends the edited text to the address typed in the card (used once, never stored) and records it.</summary>
public sealed class SendFeedbackHandler(MdoContextFactory factory, OrganizerCheck organizers, IMailGateway mail, TurnBudget budget)
    : FeedbackHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.SendFeedback;

    protected override async Task ExecuteAsync(MdoContext ctx, FeedbackActionData data, CancellationToken ct)
    {
        var c = CaseOf(ctx, data);
        MdoPolicy.DemandCaseLeadOrChair(ctx.Mdo, c, ctx.Actor);
        var text = (data.FeedbackText ?? string.Empty).Trim();
        if (text.Length == 0 || !MailAddress.TryCreate(data.ParentEmail?.Trim(), out var address))
        {
            ShowDraft(ctx, c, text, ctx.Language.Pick("Vul de tekst en een geldig e-mailadres in.", "Fill in the text and a valid e-mail address."));
            return;
        }

        var envelope = new MailEnvelope(address.Address,
            ctx.Language.Pick("Terugkoppeling van het overleg over uw gezin", "Feedback from the meeting about your family"),
            SummaryText.Html(text), text);
        MailOutcome outcome;
        try
        {
            outcome = await budget.RunAsync(TurnDependency.Graph, t => mail.SendAsync(envelope, t), ct);
        }
        catch (DependencyUnavailableException ex)
        {
            // The typed text stays in the card, so the user can simply press send again.
            ShowDraft(ctx, c, text, DependencyReplies.Text(ex.Dependency, ctx.Language));
            return;
        }

        if (outcome != MailOutcome.Sent)
        {
            ShowDraft(ctx, c, text, outcome == MailOutcome.Skipped
                ? ctx.Language.Pick("E-mail is niet ingesteld voor MdoBot. Stuur de tekst zelf, en markeer daarna 'Persoonlijk besproken' of vraag de beheerder e-mail in te stellen.", "E-mail is not set up for MdoBot. Send the text yourself, or ask the administrator to set up e-mail.")
                : ctx.Language.Pick("Versturen lukte niet. Probeer het later opnieuw.", "Sending failed. Please try again later."));
            return;
        }

        ctx.Mdo.RecordFeedback(ctx.Actor, c.Id, FeedbackStatus.SentByEmail, ctx.Now);
        ctx.Save("feedback.sent", c.Id);
        ShowDraft(ctx, ctx.Mdo.FindCase(c.Id)!, string.Empty);
    }
}

public sealed class FeedbackInPersonHandler(MdoContextFactory factory, OrganizerCheck organizers) : FeedbackHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.FeedbackInPerson;

    protected override Task ExecuteAsync(MdoContext ctx, FeedbackActionData data, CancellationToken ct)
    {
        var c = CaseOf(ctx, data);
        if (ctx.Mdo.RecordFeedback(ctx.Actor, c.Id, FeedbackStatus.DiscussedInPerson, ctx.Now))
        {
            ctx.Save("feedback.inPerson", c.Id);
        }

        ShowDraft(ctx, ctx.Mdo.FindCase(c.Id)!, string.Empty);
        return Task.CompletedTask;
    }
}
