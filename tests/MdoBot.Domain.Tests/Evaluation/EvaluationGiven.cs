using MdoBot.Domain.Evaluation;

namespace MdoBot.Domain.Tests.Evaluation;

internal static class EvaluationGiven
{
    public const string KeyA = "a3f1c2d4e5b60718293a4b5c6d7e8f90";
    public const string KeyB = "b3f1c2d4e5b60718293a4b5c6d7e8f90";
    public const string KeyC = "c3f1c2d4e5b60718293a4b5c6d7e8f90";

    public static readonly DateTimeOffset T0 = new(2026, 1, 12, 9, 0, 0, TimeSpan.Zero);

    /// <summary>All four questions scored: time, language, family view, who does what.</summary>
    public static EvaluationAnswer Answer(string key, int time, int language, int family, int who, string? comment = null, string mdoId = "mdo-1") =>
        new(mdoId, key, new Dictionary<EvaluationQuestion, int>
        {
            [EvaluationQuestion.KeptToTime] = time,
            [EvaluationQuestion.LanguageClear] = language,
            [EvaluationQuestion.FamilyViewLeading] = family,
            [EvaluationQuestion.ClearWhoDoesWhat] = who,
        }, comment);

    /// <summary>A set for <paramref name="mdoId"/> with one answer scoring every question <paramref name="score"/>.</summary>
    public static EvaluationSet SetScoring(string mdoId, int score)
    {
        var set = new EvaluationSet(mdoId);
        set.Add(Answer(KeyA, score, score, score, score, mdoId: mdoId));
        return set;
    }
}
