using MdoBot.Domain.Feedback;

namespace MdoBot.Domain.Evaluation;

/// <summary>The evaluation questions in card order, with their texts and the score range.</summary>
public static class EvaluationQuestions
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int CommentMaxLength = 500;

    /// <summary>All questions, in the order the card shows them.</summary>
    public static IReadOnlyList<EvaluationQuestion> All { get; } = Enum.GetValues<EvaluationQuestion>();

    public static string Text(EvaluationQuestion question, FeedbackLanguage language) =>
        language == FeedbackLanguage.English ? English(question) : Dutch(question);

    /// <summary>"1 = helemaal niet, 5 = helemaal wel" and its English counterpart.</summary>
    public static string ScaleHint(FeedbackLanguage language) =>
        language == FeedbackLanguage.English ? "1 = not at all, 5 = completely" : "1 = helemaal niet, 5 = helemaal wel";

    private static string Dutch(EvaluationQuestion question) => question switch
    {
        EvaluationQuestion.KeptToTime => "Hielden we ons aan de tijd?",
        EvaluationQuestion.LanguageClear => "Was de taal voor iedereen duidelijk?",
        EvaluationQuestion.FamilyViewLeading => "Was de kijk van het gezin leidend?",
        EvaluationQuestion.ClearWhoDoesWhat => "Is het duidelijk wie wat doet?",
        _ => throw new ArgumentOutOfRangeException(nameof(question), question, "Unknown question."),
    };

    private static string English(EvaluationQuestion question) => question switch
    {
        EvaluationQuestion.KeptToTime => "Did we keep to time?",
        EvaluationQuestion.LanguageClear => "Was the language clear to everyone?",
        EvaluationQuestion.FamilyViewLeading => "Was the family's view leading?",
        EvaluationQuestion.ClearWhoDoesWhat => "Is it clear who does what?",
        _ => throw new ArgumentOutOfRangeException(nameof(question), question, "Unknown question."),
    };
}
