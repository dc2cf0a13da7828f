using System.Text.Json.Serialization;

namespace MdoBot.Domain.Evaluation;

/// <summary>The four questions of the evaluation card, each scored 1 (not at all) to 5 (completely).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvaluationQuestion>))]
public enum EvaluationQuestion
{
    KeptToTime,
    LanguageClear,
    FamilyViewLeading,
    ClearWhoDoesWhat,
}
