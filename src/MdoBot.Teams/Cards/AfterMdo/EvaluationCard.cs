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
            MdoTexts.Title(lang.Text("AfterMdoCards.howDidTheMeetingGo")),
            MdoTexts.Subtle(lang.Text("AfterMdoCards.anonymousOnlyTheScoresPerMeeting")),
            MdoTexts.Subtle(EvaluationQuestions.ScaleHint(fl)),
        };
        body.AddRange(EvaluationQuestions.All.Select(q => (CardElement)new ChoiceSetInput
        {
            Id = InputId(q),
            Label = EvaluationQuestions.Text(q, fl),
            Style = "compact",
            Placeholder = lang.Text("AfterMdoCards.choose1To5"),
            Choices = scale,
            IsRequired = true,
            ErrorMessage = lang.Text("AfterMdoCards.choose1To5"),
        }));
        body.Add(new TextInput
        {
            Id = InputIds.EvaluationComment,
            IsMultiline = true,
            MaxLength = 500,
            Label = lang.Text("AfterMdoCards.commentOptionalNoNames"),
        });
        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = lang.Text("AfterMdoCards.evaluationOfTheMeeting"),
            Body = body,
            Actions =
            [
                new ExecuteAction
                {
                    Title = lang.Text("AfterMdoCards.submit"),
                    Verb = CardVerbs.SubmitEvaluation,
                    Data = new EvaluationActionData(CardVerbs.SubmitEvaluation, mdo.Id),
                    Style = "positive",
                },
            ],
        };
    }
}
