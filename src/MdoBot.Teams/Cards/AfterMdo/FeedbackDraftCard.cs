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
            MdoTexts.Title(lang.Pick($"Terugkoppeling voor de ouders — {c.Code}", $"Feedback for the parents — {c.Code}")),
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
                    ? lang.Pick("✓ Verstuurd per e-mail.", "✓ Sent by e-mail.")
                    : lang.Pick("✓ Persoonlijk besproken met de ouders.", "✓ Discussed with the parents in person."),
                Color = "good",
                Weight = "Bolder",
            });
            return Card(body, null, lang);
        }

        body.Add(MdoTexts.Subtle(lang.Pick(
            "Een concept in gewone taal, gemaakt uit wat in het MDO is vastgelegd. Pas het aan en verstuur het, of markeer het als persoonlijk besproken.",
            "A plain-language draft made from what was recorded in the MDO. Edit it and send it, or mark it as discussed in person.")));
        body.Add(LetterLanguageChoice.Build(report.Language, lang));
        body.Add(new TextInput { Id = InputIds.FeedbackText, IsMultiline = true, Value = text, MaxLength = 4000, Label = lang.Pick("Tekst", "Text") });
        body.Add(CheckBlock(report, lang));
        body.Add(new TextInput
        {
            Id = InputIds.ParentEmail,
            Label = lang.Pick("E-mailadres van de ouder (wordt niet bewaard)", "Parent's e-mail address (not stored)"),
            Placeholder = "naam@voorbeeld.nl",
            MaxLength = 254,
        });
        var data = (string verb) => new FeedbackActionData(verb, mdo.Id, c.Id);
        return Card(body,
        [
            new ExecuteAction { Title = lang.Pick("Opnieuw controleren", "Check again"), Verb = CardVerbs.CheckFeedback, Data = data(CardVerbs.CheckFeedback) },
            new ExecuteAction { Title = lang.Pick("Verstuur per e-mail", "Send by e-mail"), Verb = CardVerbs.SendFeedback, Data = data(CardVerbs.SendFeedback), Style = "positive" },
            new ExecuteAction { Title = lang.Pick("Persoonlijk besproken", "Discussed in person"), Verb = CardVerbs.FeedbackInPerson, Data = data(CardVerbs.FeedbackInPerson), AssociatedInputs = "None" },
            new ExecuteAction { Title = lang.Pick("Opnieuw opstellen in gekozen taal", "Redraft in the chosen language"), Verb = CardVerbs.RedraftFeedback, Data = data(CardVerbs.RedraftFeedback) },
        ], lang);
    }

    private static Container CheckBlock(PlainLanguageReport report, Language lang)
    {
        // The level is named in the card's language (the score itself comes from the letter's language rules).
        var level = Readability.Label(report.Readability.Level, EvaluationCard.ToFeedback(lang));
        var score = lang.Pick($"Leesbaarheid: {report.Readability.Score:0} ({level})", $"Readability: {report.Readability.Score:0} ({level})");
        var items = new List<CardElement>
        {
            report.IsPlain ? new TextBlock { Text = score, Weight = "Bolder", Color = "good" } : MdoTexts.Warning(score),
        };
        items.AddRange(report.JargonHits.DistinctBy(h => h.Term).Take(10).Select(h => (CardElement)new TextBlock
        {
            Text = lang.Pick($"Vakjargon: \"{h.Term}\" → schrijf \"{h.PlainAlternative}\"", $"Jargon: \"{h.Term}\" → write \"{h.PlainAlternative}\""),
            Spacing = "None",
        }));
        if (report.LongSentences.Count > 0)
        {
            items.Add(new TextBlock
            {
                Text = lang.Pick($"{report.LongSentences.Count} zin(nen) met meer dan 20 woorden: maak ze korter.", $"{report.LongSentences.Count} sentence(s) over 20 words: make them shorter."),
                Spacing = "None",
            });
        }

        if (report.LongWords.Count > 0)
        {
            items.Add(MdoTexts.Subtle(lang.Pick("Lange woorden: ", "Long words: ") + string.Join(", ", report.LongWords.Select(w => w.Word).Distinct().Take(8))));
        }

        return new Container { Style = "emphasis", Spacing = "Medium", Items = items };
    }

    private static AdaptiveCard Card(List<CardElement> body, List<CardAction>? actions, Language lang) => new()
    {
        Lang = MdoFormat.LangCode(lang),
        FallbackText = lang.Pick("Terugkoppeling voor de ouders", "Feedback for the parents"),
        Body = body,
        Actions = actions,
    };
}
