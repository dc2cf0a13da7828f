using System.Globalization;
using MdoBot.Domain.Evaluation;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Cards.AfterMdo;

/// <summary>The evaluation trend of a series (last 10 MDOs): a chart per question plus the numbers.</summary>
public static class EvaluationTrendCard
{
    public static AdaptiveCard Build(IReadOnlyList<EvaluationTrendPoint> points, Language lang, TimeZoneInfo tz)
    {
        ArgumentNullException.ThrowIfNull(points);
        var fl = EvaluationCard.ToFeedback(lang);
        var body = new List<CardElement> { MdoTexts.Title(lang.Text("AfterMdoCards.evaluationTrend")) };
        if (points.Count == 0 || points.All(p => p.Count == 0))
        {
            body.Add(new TextBlock { Text = lang.Text("AfterMdoCards.noEvaluationsHaveBeenAnsweredYet") });
            return Card(body, lang);
        }

        var labels = points.Select(p => MdoFormat.Date(p.HeldAt, tz, lang)).ToList();
        body.Add(new GroupedBarChart
        {
            Title = lang.Text("AfterMdoCards.averageScore15PerMeeting"),
            Data = [.. EvaluationQuestions.All.Select(q => new ChartSeries
            {
                Legend = Short(q, lang),
                Values = [.. points.Select((p, i) => new ChartPoint(labels[i], Math.Round(p.Averages.GetValueOrDefault(q), 1)))],
            })],
            Fallback = new TextBlock { Text = lang.Text("AfterMdoCards.chartNotAvailableSeeTheNumbers"), IsSubtle = true },
        });
        body.AddRange(points.Select((p, i) => (CardElement)new FactSet
        {
            Spacing = "Medium",
            Facts =
            [
                new Fact(labels[i], lang.Text("AfterMdoCards.answers", ("count", p.Count))),
                .. EvaluationQuestions.All.Select(q => new Fact(EvaluationQuestions.Text(q, fl),
                    p.Averages.TryGetValue(q, out var avg) ? avg.ToString("0.0", CultureInfo.InvariantCulture) : "–")),
            ],
        }));
        return Card(body, lang);
    }

    private static string Short(EvaluationQuestion q, Language lang) => q switch
    {
        EvaluationQuestion.KeptToTime => lang.Text("AfterMdoCards.time"),
        EvaluationQuestion.LanguageClear => lang.Text("AfterMdoCards.language"),
        EvaluationQuestion.FamilyViewLeading => lang.Text("AfterMdoCards.family"),
        _ => lang.Text("AfterMdoCards.whoDoesWhat"),
    };

    private static AdaptiveCard Card(List<CardElement> body, Language lang) => new()
    {
        Lang = MdoFormat.LangCode(lang),
        FallbackText = lang.Text("AfterMdoCards.evaluationTrend"),
        Body = body,
    };
}
