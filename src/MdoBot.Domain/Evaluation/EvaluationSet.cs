using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Evaluation;

/// <summary>
/// The evaluation answers of one MDO, one per respondent key: a second answer by the same
/// person replaces the first (it keeps its place in <see cref="Answers"/>).
/// </summary>
public sealed class EvaluationSet
{
    private readonly List<EvaluationAnswer> _answers = [];

    public EvaluationSet(string mdoId)
    {
        if (string.IsNullOrWhiteSpace(mdoId))
        {
            throw MdoRuleException.Invalid("mdoId", "is required.");
        }

        MdoId = mdoId.Trim();
    }

    public string MdoId { get; }

    public IReadOnlyList<EvaluationAnswer> Answers => _answers.AsReadOnly();

    /// <summary>How many people answered.</summary>
    public int Count => _answers.Count;

    /// <summary>The comments given, without who gave them.</summary>
    public IReadOnlyList<string> Comments => [.. _answers.Select(a => a.Comment).OfType<string>()];

    /// <summary>Average per question that has at least one score (questions nobody scored are absent).</summary>
    public IReadOnlyDictionary<EvaluationQuestion, double> Averages =>
        EvaluationQuestions.All
            .Select(q => (Question: q, Average: Average(q)))
            .Where(x => x.Average is not null)
            .ToDictionary(x => x.Question, x => x.Average!.Value);

    /// <summary>Adds the answer, or replaces the earlier answer with the same key. Returns true when new, false when replaced.</summary>
    /// <exception cref="MdoRuleException">InvalidInput ("mdoId") when the answer is for another MDO.</exception>
    public bool Add(EvaluationAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!string.Equals(answer.MdoId, MdoId, StringComparison.Ordinal))
        {
            throw MdoRuleException.Invalid("mdoId", "the answer is for another MDO.");
        }

        var index = _answers.FindIndex(a => string.Equals(a.RespondentKey, answer.RespondentKey, StringComparison.Ordinal));
        if (index < 0)
        {
            _answers.Add(answer);
            return true;
        }

        _answers[index] = answer;
        return false;
    }

    /// <summary>The mean score of <paramref name="question"/>, or null when nobody scored it.</summary>
    public double? Average(EvaluationQuestion question)
    {
        var scores = _answers.Where(a => a.Scores.ContainsKey(question)).Select(a => a.Scores[question]).ToList();
        return scores.Count == 0 ? null : scores.Average();
    }

    /// <summary>How many people scored <paramref name="question"/>.</summary>
    public int ScoreCount(EvaluationQuestion question) => _answers.Count(a => a.Scores.ContainsKey(question));
}
