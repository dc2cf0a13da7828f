using MailAddress = System.Net.Mail.MailAddress;
using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Feedback;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.AfterMdo;
using MdoBot.Teams.Documents;
using MdoBot.BotFramework.Mail;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;

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

    /// <summary>The letter's language as chosen on the card (the family's; Dutch by default).</summary>
    protected static FeedbackLanguage LetterLanguage(FeedbackActionData data) => LetterLanguageChoice.Parse(data.LetterLanguage);

    /// <summary>
    /// Answers the draft card again (in the case lead's language) with the (edited) text and a fresh plain-language
    /// check, which always runs in the letter's language.
    /// </summary>
    protected static void ShowDraft(MdoContext ctx, MdoCase c, string text, FeedbackLanguage letter, string? notice = null)
    {
        var report = PlainLanguageCheck.Analyze(text, letter);
        ctx.Turn.ReplyCard(FeedbackDraftCard.Build(ctx.Mdo, c, text, report, ctx.PersonalLanguage, notice));
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
        ShowDraft(ctx, c, data.FeedbackText ?? string.Empty, LetterLanguage(data));
        return Task.CompletedTask;
    }
}

/// <summary>Sends the edited text to the address typed in the card (used once, never stored) and records it.</summary>
public sealed class SendFeedbackHandler(MdoContextFactory factory, OrganizerCheck organizers, IMailSender mail, TurnBudget budget)
    : FeedbackHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.SendFeedback;

    protected override async Task ExecuteAsync(MdoContext ctx, FeedbackActionData data, CancellationToken ct)
    {
        var c = CaseOf(ctx, data);
        MdoPolicy.DemandCaseLeadOrChair(ctx.Mdo, c, ctx.Actor);
        var text = (data.FeedbackText ?? string.Empty).Trim();
        var letter = LetterLanguage(data);
        var lang = ctx.PersonalLanguage;
        if (text.Length == 0 || !MailAddress.TryCreate(data.ParentEmail?.Trim(), out var address))
        {
            ShowDraft(ctx, c, text, letter, lang.Text("AfterMdo.fillInTheTextAndA"));
            return;
        }

        var subject = letter == FeedbackLanguage.English ? "Feedback from the meeting about your family" : "Terugkoppeling van het overleg over uw gezin";
        var message = new MailMessage(address.Address, subject, SummaryText.Html(text), text);
        MailResult outcome;
        try
        {
            outcome = await budget.RunAsync(TurnDependency.Graph, t => mail.SendAsync(message, t), ct);
        }
        catch (DependencyUnavailableException ex)
        {
            // The typed text stays in the card, so the user can simply press send again.
            ShowDraft(ctx, c, text, letter, DependencyReplies.Text(ex.Dependency, lang));
            return;
        }

        if (outcome.Outcome != MailOutcome.Sent)
        {
            // Failed = still failing after the bounded retries: as unreachable as a time-out, so the same answer.
            ShowDraft(ctx, c, text, letter, outcome.Outcome switch
            {
                MailOutcome.Skipped => lang.Text("AfterMdo.emailIsNotSetUpFor"),
                MailOutcome.Failed => DependencyReplies.Text(TurnDependency.Graph, lang),
                _ => lang.Text("AfterMdo.sendingFailedMdobotIsNotAllowed"),
            });
            return;
        }

        ctx.Mdo.RecordFeedback(ctx.Actor, c.Id, FeedbackStatus.SentByEmail, ctx.Now);
        ctx.Save("feedback.sent", c.Id);
        ShowDraft(ctx, ctx.Mdo.FindCase(c.Id)!, string.Empty, letter);
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

        ShowDraft(ctx, ctx.Mdo.FindCase(c.Id)!, string.Empty, LetterLanguage(data));
        return Task.CompletedTask;
    }
}

/// <summary>Writes the draft again from what was recorded, in the letter language chosen on the card (changes nothing stored).</summary>
public sealed class RedraftFeedbackHandler(MdoContextFactory factory, OrganizerCheck organizers) : FeedbackHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.RedraftFeedback;

    protected override Task ExecuteAsync(MdoContext ctx, FeedbackActionData data, CancellationToken ct)
    {
        var c = CaseOf(ctx, data);
        MdoPolicy.DemandCaseLeadOrChair(ctx.Mdo, c, ctx.Actor);
        var letter = LetterLanguage(data);
        ShowDraft(ctx, c, FeedbackDraftGenerator.Generate(ctx.Mdo, c, letter, string.Empty, null).Text, letter);
        return Task.CompletedTask;
    }
}
