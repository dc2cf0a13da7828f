namespace MdoBot.Domain.Mdo;

/// <summary>What the chair enters for a case on the agenda (the input of add and edit).</summary>
public sealed record CaseDraft(
    string Code,
    Participant? Presenter = null,
    string? Question = null,
    bool ParentsJoin = false,
    int TimeBoxMinutes = MdoLimits.DefaultTimeBoxMinutes,
    FamilyView? FamilyView = null)
{
    /// <summary>
    /// A trimmed, validated copy: code 1–40 characters, question ≤ 1000, each family-view
    /// part ≤ 1000, time box 5–60 minutes. Empty optional texts become null.
    /// </summary>
    /// <exception cref="MdoRuleException">InvalidInput, with the field name.</exception>
    public CaseDraft Normalize() => new(
        MdoText.Required(Code, MdoLimits.CodeMaxLength, "code"),
        Presenter is null ? null : MdoText.Person(Presenter, "presenter"),
        MdoText.Optional(Question, MdoLimits.QuestionMaxLength, "question"),
        ParentsJoin,
        MdoText.InRange(TimeBoxMinutes, MdoLimits.MinTimeBoxMinutes, MdoLimits.MaxTimeBoxMinutes, "timeBoxMinutes"),
        (FamilyView ?? FamilyView.Empty).Normalize());
}
