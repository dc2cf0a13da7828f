using System.Collections.ObjectModel;
using System.Text.RegularExpressions;
using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Evaluation;

/// <summary>
/// One person's anonymous evaluation of one MDO. The respondent key is a hash the caller makes
/// (e.g. a keyed hash of MDO id and user id), so a second answer by the same person replaces
/// the first while nobody can tell who answered. Questions may be skipped, but at least one
/// must be scored.
/// </summary>
public sealed partial class EvaluationAnswer
{
    /// <exception cref="MdoRuleException">
    /// InvalidInput: empty MDO id ("mdoId"); a key that is not 16–128 characters of letters,
    /// digits, + / = _ - ("respondentKey", which keeps raw Teams ids like "29:…" out); no score,
    /// an unknown question or a score outside 1–5 ("scores"); a comment over 500 characters
    /// ("comment").
    /// </exception>
    public EvaluationAnswer(string mdoId, string respondentKey, IReadOnlyDictionary<EvaluationQuestion, int> scores, string? comment = null)
    {
        if (string.IsNullOrWhiteSpace(mdoId))
        {
            throw MdoRuleException.Invalid("mdoId", "is required.");
        }

        if (respondentKey is null || !HashKey().IsMatch(respondentKey))
        {
            throw MdoRuleException.Invalid("respondentKey", "must be a hash of 16–128 letters, digits or + / = _ -.");
        }

        MdoId = mdoId.Trim();
        RespondentKey = respondentKey;
        Scores = new ReadOnlyDictionary<EvaluationQuestion, int>(Validate(scores));
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (Comment?.Length > EvaluationQuestions.CommentMaxLength)
        {
            throw MdoRuleException.Invalid("comment", $"is longer than {EvaluationQuestions.CommentMaxLength} characters.");
        }
    }

    public string MdoId { get; }

    public string RespondentKey { get; }

    /// <summary>1–5 per answered question.</summary>
    public IReadOnlyDictionary<EvaluationQuestion, int> Scores { get; }

    /// <summary>Trimmed; null when empty.</summary>
    public string? Comment { get; }

    private static Dictionary<EvaluationQuestion, int> Validate(IReadOnlyDictionary<EvaluationQuestion, int> scores)
    {
        if (scores is null || scores.Count == 0)
        {
            throw MdoRuleException.Invalid("scores", "at least one question must be scored.");
        }

        foreach (var (question, score) in scores)
        {
            if (!Enum.IsDefined(question) || score is < EvaluationQuestions.MinScore or > EvaluationQuestions.MaxScore)
            {
                throw MdoRuleException.Invalid("scores", "each score must be 1–5 for a known question.");
            }
        }

        return new Dictionary<EvaluationQuestion, int>(scores);
    }

    [GeneratedRegex("^[A-Za-z0-9+/=_-]{16,128}$")]
    private static partial Regex HashKey();
}
