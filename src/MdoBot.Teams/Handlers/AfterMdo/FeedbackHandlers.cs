using MailAddress = System.Net.Mail.MailAddress;
using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Feedback;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.AfterMdo;
using MdoBot.Teams.Documents;
using MdoBot.BotFramework.Mail;
using MdoBot.Teams.MdoFlow;

namespace MdoBot.Teams.Handlers.AfterMdo;

public abstract class FeedbackHandlerBase(MdoContextFactory factory, OrganizerCheck organizers) : ICardVerbHandler
{
    private readonly MdoVerbPipeline<FeedbackActionData> _pipeline = new(factory, organizers);

    public abstract string Verb { get; }

    public Task HandleAsync(TurnContext turn, CardVerbData data, CancellationToken ct) =>
        _pipeline.RunAsync(turn, data, new MdoVerbSteps<FeedbackActionData>(d => d.MdoId, ExecuteAsync), ct);

    /// <summary>Runs the domain operation first, then records effects; throws MdoRuleException when refused.</summary>
    protected abstract Task ExecuteAsync(MdoContext ctx, FeedbackActionData data, CancellationToken ct);

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
public sealed class SendFeedbackHandler(MdoContextFactory factory, OrganizerCheck organizers, IMailSender mail) : FeedbackHandlerBase(factory, organizers)
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

        var outcome = await mail.SendAsync(new MailMessage(address.Address,
            ctx.Language.Pick("Terugkoppeling van het overleg over uw gezin", "Feedback from the meeting about your family"),
            SummaryText.Html(text), text), ct);
        if (outcome.Outcome != MailOutcome.Sent)
        {
            ShowDraft(ctx, c, text, outcome.Outcome == MailOutcome.Skipped
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
