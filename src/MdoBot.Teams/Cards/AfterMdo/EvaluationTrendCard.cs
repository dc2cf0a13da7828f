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
        var body = new List<CardElement> { MdoTexts.Title(lang.Pick("Evaluatie: verloop", "Evaluation: trend")) };
        if (points.Count == 0 || points.All(p => p.Count == 0))
        {
            body.Add(new TextBlock { Text = lang.Pick("Er zijn nog geen evaluaties ingevuld.", "No evaluations have been answered yet.") });
            return Card(body, lang);
        }

        var labels = points.Select(p => MdoFormat.Date(p.HeldAt, tz, lang)).ToList();
        body.Add(new GroupedBarChart
        {
            Title = lang.Pick("Gemiddelde score (1–5) per overleg", "Average score (1–5) per meeting"),
            Data = [.. EvaluationQuestions.All.Select(q => new ChartSeries
            {
                Legend = Short(q, lang),
                Values = [.. points.Select((p, i) => new ChartPoint(labels[i], Math.Round(p.Averages.GetValueOrDefault(q), 1)))],
            })],
            Fallback = new TextBlock { Text = lang.Pick("(grafiek niet beschikbaar; zie de cijfers hieronder)", "(chart not available; see the numbers below)"), IsSubtle = true },
        });
        body.AddRange(points.Select((p, i) => (CardElement)new FactSet
        {
            Spacing = "Medium",
            Facts =
            [
                new Fact(labels[i], lang.Pick($"{p.Count} antwoorden", $"{p.Count} answers")),
                .. EvaluationQuestions.All.Select(q => new Fact(EvaluationQuestions.Text(q, fl),
                    p.Averages.TryGetValue(q, out var avg) ? avg.ToString("0.0", CultureInfo.InvariantCulture) : "–")),
            ],
        }));
        return Card(body, lang);
    }

    private static string Short(EvaluationQuestion q, Language lang) => q switch
    {
        EvaluationQuestion.KeptToTime => lang.Pick("Tijd", "Time"),
        EvaluationQuestion.LanguageClear => lang.Pick("Taal", "Language"),
        EvaluationQuestion.FamilyViewLeading => lang.Pick("Gezin", "Family"),
        _ => lang.Pick("Wie doet wat", "Who does what"),
    };

    private static AdaptiveCard Card(List<CardElement> body, Language lang) => new()
    {
        Lang = MdoFormat.LangCode(lang),
        FallbackText = lang.Pick("Evaluatie: verloop", "Evaluation: trend"),
        Body = body,
    };
}
