using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Evaluation;
using MdoBot.Teams.Cards.AfterMdo;
using MdoBot.Teams.Documents;
using static MdoBot.Teams.Tests.Cards.Mdo.MdoSamples;

namespace MdoBot.Teams.Tests.Cards.Mdo;

/// <summary>Inputs of the cards that follow an MDO: an evaluation trend of three meetings and the export of Gezin A.</summary>
internal static class AfterMdoSamples
{
    /// <summary>Three MDOs a month apart; the middle one nobody evaluated, the last one scored on three questions only.</summary>
    public static IReadOnlyList<EvaluationTrendPoint> Trend { get; } =
    [
        new("m1", T0.AddMonths(-2), 6, new Dictionary<EvaluationQuestion, double>
        {
            [EvaluationQuestion.KeptToTime] = 3.5,
            [EvaluationQuestion.LanguageClear] = 4.17,
            [EvaluationQuestion.FamilyViewLeading] = 3,
            [EvaluationQuestion.ClearWhoDoesWhat] = 4.83,
        }),
        new("m2", T0.AddMonths(-1), 0, new Dictionary<EvaluationQuestion, double>()),
        new("m3", T0, 4, new Dictionary<EvaluationQuestion, double>
        {
            [EvaluationQuestion.KeptToTime] = 4.25,
            [EvaluationQuestion.LanguageClear] = 4.5,
            [EvaluationQuestion.ClearWhoDoesWhat] = 5,
        }),
    ];

    public static AdaptiveCard Export(Language lang)
    {
        var mdo = Build(MdoStage.Closed);
        var c = mdo.FindCase("c1")!;
        return ExportCard.Build(c.Code, SummaryText.CaseMarkdown(mdo, c, lang, Amsterdam), lang);
    }
}
