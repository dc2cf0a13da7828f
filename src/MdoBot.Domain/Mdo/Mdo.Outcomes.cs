namespace MdoBot.Domain.Mdo;

/// <summary>What the chair records per case: shared goal, decisions, case lead. Any case, until Close.</summary>
public sealed partial class Mdo
{
    /// <summary>Sets the shared goal (≤ 2000 characters; empty clears it).</summary>
    public void RecordGoal(Participant actor, string caseId, string? text)
    {
        var target = RequireOpenCaseForChair(actor, caseId);
        target.SharedGoal = MdoText.Optional(text, MdoLimits.GoalMaxLength, "goal");
    }

    /// <summary>Sets the decisions (≤ 2000 characters; empty clears them).</summary>
    public void RecordDecisions(Participant actor, string caseId, string? text)
    {
        var target = RequireOpenCaseForChair(actor, caseId);
        target.Decisions = MdoText.Optional(text, MdoLimits.DecisionsMaxLength, "decisions");
    }

    /// <summary>Sets the case lead (regiehouder).</summary>
    public void SetCaseLead(Participant actor, string caseId, Participant caseLead)
    {
        var target = RequireOpenCaseForChair(actor, caseId);
        target.CaseLead = MdoText.Person(caseLead, "caseLead");
    }

    private MdoCase RequireOpenCaseForChair(Participant actor, string caseId)
    {
        MdoPolicy.DemandChair(this, actor);
        EnsureNotClosed();
        return RequireCase(caseId);
    }
}
