using MdoBot.Domain.Feedback;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.AfterMdo;

/// <summary>
/// The case lead's draft of the parents' feedback: the letter's language (the family's, Dutch by default),
/// editable text, the plain-language check in that language (jargon with plain alternatives, long
/// sentences, readability), and send / discussed-in-person / redraft in another language. The card's own
/// words are in the card language, the case lead's language; the letter's language is the report's.
/// </summary>
public static class FeedbackDraftCard
{
    public static AdaptiveCard Build(MdoMeeting mdo, MdoCase c, string text, PlainLanguageReport report, Language lang, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(report);
        var body = new List<CardElement>
        {
            MdoTexts.Title(lang.Text("AfterMdoCards.feedbackForTheParents", ("code", c.Code))),
        };
        if (notice is not null)
        {
            body.Add(MdoTexts.Attention(notice));
        }

        if (c.Feedback != FeedbackStatus.Open)
        {
            body.Add(new TextBlock
            {
                Text = c.Feedback == FeedbackStatus.SentByEmail
                    ? lang.Text("AfterMdoCards.sentByEmail")
                    : lang.Text("AfterMdoCards.discussedWithTheParentsInPerson"),
                Color = "good",
                Weight = "Bolder",
            });
            return Card(body, null, lang);
        }

        body.Add(MdoTexts.Subtle(lang.Text("AfterMdoCards.aPlainlanguageDraftMadeFromWhat")));
        body.Add(LetterLanguageChoice.Build(report.Language, lang));
        body.Add(new TextInput { Id = InputIds.FeedbackText, IsMultiline = true, Value = text, MaxLength = 4000, Label = lang.Text("AfterMdoCards.text") });
        body.Add(CheckBlock(report, lang));
        body.Add(new TextInput
        {
            Id = InputIds.ParentEmail,
            Label = lang.Text("AfterMdoCards.parentsEmailAddressNotStored"),
            Placeholder = "naam@voorbeeld.nl",
            MaxLength = 254,
        });
        var data = (string verb) => new FeedbackActionData(verb, mdo.Id, c.Id);
        return Card(body,
        [
            new ExecuteAction { Title = lang.Text("AfterMdoCards.checkAgain"), Verb = CardVerbs.CheckFeedback, Data = data(CardVerbs.CheckFeedback) },
            new ExecuteAction { Title = lang.Text("AfterMdoCards.sendByEmail"), Verb = CardVerbs.SendFeedback, Data = data(CardVerbs.SendFeedback), Style = "positive" },
            new ExecuteAction { Title = lang.Text("AfterMdoCards.discussedInPerson"), Verb = CardVerbs.FeedbackInPerson, Data = data(CardVerbs.FeedbackInPerson), AssociatedInputs = "None" },
            new ExecuteAction { Title = lang.Text("AfterMdoCards.redraftInTheChosenLanguage"), Verb = CardVerbs.RedraftFeedback, Data = data(CardVerbs.RedraftFeedback) },
        ], lang);
    }

    private static Container CheckBlock(PlainLanguageReport report, Language lang)
    {
        // The level is named in the card's language (the score itself comes from the letter's language rules).
        var level = Readability.Label(report.Readability.Level, EvaluationCard.ToFeedback(lang));
        var score = lang.Text("AfterMdoCards.readability2", ("score", report.Readability.Score), ("level", level));
        var items = new List<CardElement>
        {
            report.IsPlain ? new TextBlock { Text = score, Weight = "Bolder", Color = "good" } : MdoTexts.Warning(score),
        };
        items.AddRange(report.JargonHits.DistinctBy(h => h.Term).Take(10).Select(h => (CardElement)new TextBlock
        {
            Text = lang.Text("AfterMdoCards.jargonWrite", ("term", h.Term), ("plainAlternative", h.PlainAlternative)),
            Spacing = "None",
        }));
        if (report.LongSentences.Count > 0)
        {
            items.Add(new TextBlock
            {
                Text = lang.Text("AfterMdoCards.sentenceSOver20WordsMake", ("longSentencesCount", report.LongSentences.Count)),
                Spacing = "None",
            });
        }

        if (report.LongWords.Count > 0)
        {
            items.Add(MdoTexts.Subtle(lang.Text("AfterMdoCards.longWords") + string.Join(", ", report.LongWords.Select(w => w.Word).Distinct().Take(8))));
        }

        return new Container { Style = "emphasis", Spacing = "Medium", Items = items };
    }

    private static AdaptiveCard Card(List<CardElement> body, List<CardAction>? actions, Language lang) => new()
    {
        Lang = MdoFormat.LangCode(lang),
        FallbackText = lang.Text("AfterMdoCards.feedbackForTheParents2"),
        Body = body,
        Actions = actions,
    };
}
