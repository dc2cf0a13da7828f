using System.Globalization;
using MdoBot.Domain.Evaluation;
using MdoBot.Domain.Feedback;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.AfterMdo;

/// <summary>The short, anonymous evaluation of the collaboration, posted once in the meeting chat.</summary>
public static class EvaluationCard
{
    public static string InputId(EvaluationQuestion q) => "q_" + char.ToLowerInvariant(q.ToString()[0]) + q.ToString()[1..];

    public static FeedbackLanguage ToFeedback(Language lang) => lang == Language.English ? FeedbackLanguage.English : FeedbackLanguage.Dutch;

    public static AdaptiveCard Build(MdoMeeting mdo, Language lang)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        var fl = ToFeedback(lang);
        var scale = Enumerable.Range(1, 5).Select(i => new Choice(i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture))).ToList();
        var body = new List<CardElement>
        {
            MdoTexts.Title(lang.Pick("Hoe ging het overleg?", "How did the meeting go?")),
            MdoTexts.Subtle(lang.Pick(
                "Anoniem: we bewaren alleen de cijfers per overleg. Je kunt je antwoord later nog aanpassen.",
                "Anonymous: only the scores per meeting are kept. You can change your answer later.")),
            MdoTexts.Subtle(EvaluationQuestions.ScaleHint(fl)),
        };
        body.AddRange(EvaluationQuestions.All.Select(q => (CardElement)new ChoiceSetInput
        {
            Id = InputId(q),
            Label = EvaluationQuestions.Text(q, fl),
            Style = "compact",
            Placeholder = lang.Pick("Kies 1 tot 5", "Choose 1 to 5"),
            Choices = scale,
            IsRequired = true,
            ErrorMessage = lang.Pick("Kies 1 tot 5", "Choose 1 to 5"),
        }));
        body.Add(new TextInput
        {
            Id = InputIds.EvaluationComment,
            IsMultiline = true,
            MaxLength = 500,
            Label = lang.Pick("Opmerking (optioneel, zonder namen)", "Comment (optional, no names)"),
        });
        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = lang.Pick("Evaluatie van het overleg", "Evaluation of the meeting"),
            Body = body,
            Actions =
            [
                new ExecuteAction
                {
                    Title = lang.Pick("Versturen", "Submit"),
                    Verb = CardVerbs.SubmitEvaluation,
                    Data = new EvaluationActionData(CardVerbs.SubmitEvaluation, mdo.Id),
                    Style = "positive",
                },
            ],
        };
    }
}
