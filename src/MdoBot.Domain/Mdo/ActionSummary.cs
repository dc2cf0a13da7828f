namespace MdoBot.Domain.Mdo;

/// <summary>One action in the summary: owner, due date and whether (and when) it was confirmed.</summary>
public sealed record ActionSummary(
    string ActionId,
    string CaseId,
    string CaseCode,
    Participant Owner,
    string Description,
    DateOnly DueDate,
    ActionStatus Status,
    DateTimeOffset? RespondedAt,
    string? DeclineReason,
    string? ReassignedTo)
{
    /// <summary>Proposed, or declined and not reassigned: flagged on the summary card.</summary>
    public bool IsUnconfirmed => Status is ActionStatus.Proposed or ActionStatus.Declined;

    internal static ActionSummary Of(MdoAction action, string caseCode) => new(
        action.Id,
        action.CaseId,
        caseCode,
        action.Owner,
        action.Description,
        action.DueDate,
        action.Status,
        action.RespondedAt,
        action.DeclineReason,
        action.ReassignedTo);
}
