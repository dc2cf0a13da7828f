namespace MdoBot.Domain.Mdo;

/// <summary>
/// Actions: the chair proposes and reassigns; only the owner confirms or declines (also after
/// Close); the owner or a chair marks a confirmed action done.
/// </summary>
public sealed partial class Mdo
{
    /// <summary>
    /// Proposes an action for <paramref name="owner"/>. <paramref name="due"/> must not be before
    /// the date of <paramref name="now"/> (in now's offset: pass local time for a local date).
    /// </summary>
    public MdoAction AddAction(Participant actor, string caseId, Participant owner, string description, DateOnly due, DateTimeOffset now)
    {
        var target = RequireOpenCaseForChair(actor, caseId);
        var validOwner = MdoText.Person(owner, "owner");
        var text = MdoText.Required(description, MdoLimits.ActionDescriptionMaxLength, "description");
        EnsureDueNotPast(due, now);
        EnsureActionRoom(target);
        var action = new MdoAction(NewActionId(), target.Id, validOwner, text, due, actor.Id, now);
        target.Add(action);
        return action;
    }

    /// <summary>The owner confirms. Returns false when already confirmed (or done): a repeat changes nothing.</summary>
    public bool ConfirmAction(Participant actor, string actionId, DateTimeOffset now)
    {
        var action = RequireAction(actionId);
        MdoPolicy.DemandOwner(action, actor);
        switch (action.Status)
        {
            case ActionStatus.Proposed:
                action.Confirm(actor.Id, now);
                return true;
            case ActionStatus.Confirmed or ActionStatus.Done:
                return false;
            default:
                throw MdoRuleException.State($"Action '{actionId}' was declined and cannot be confirmed.");
        }
    }

    /// <summary>The owner declines with a reason. Returns false when already declined: a repeat changes nothing.</summary>
    public bool DeclineAction(Participant actor, string actionId, string reason, DateTimeOffset now)
    {
        var action = RequireAction(actionId);
        MdoPolicy.DemandOwner(action, actor);
        var why = MdoText.Required(reason, MdoLimits.DeclineReasonMaxLength, "reason");
        switch (action.Status)
        {
            case ActionStatus.Proposed:
                action.Decline(actor.Id, why, now);
                return true;
            case ActionStatus.Declined or ActionStatus.Reassigned:
                return false;
            default:
                throw MdoRuleException.State($"Action '{actionId}' was confirmed and cannot be declined.");
        }
    }

    /// <summary>
    /// Gives a declined action to <paramref name="newOwner"/>: returns a new, proposed action (same
    /// case and description; due date kept unless <paramref name="due"/> is given) and marks the
    /// declined one Reassigned.
    /// </summary>
    public MdoAction ReassignAction(Participant actor, string actionId, Participant newOwner, DateTimeOffset now, DateOnly? due = null)
    {
        MdoPolicy.DemandChair(this, actor);
        EnsureNotClosed();
        var declined = RequireAction(actionId);
        if (declined.Status != ActionStatus.Declined)
        {
            throw MdoRuleException.State($"Only a declined action can be reassigned; '{actionId}' is {declined.Status}.");
        }

        var validOwner = MdoText.Person(newOwner, "newOwner");
        if (due is { } newDue)
        {
            EnsureDueNotPast(newDue, now);
        }

        var target = RequireCase(declined.CaseId);
        EnsureActionRoom(target);
        var replacement = declined.ReassignTo(NewActionId(), validOwner, due ?? declined.DueDate, actor.Id, now);
        target.Add(replacement);
        return replacement;
    }

    /// <summary>The owner or a chair marks a confirmed action done. Returns false when already done.</summary>
    public bool MarkActionDone(Participant actor, string actionId, DateTimeOffset now)
    {
        var action = RequireAction(actionId);
        MdoPolicy.DemandCanMarkDone(this, action, actor);
        switch (action.Status)
        {
            case ActionStatus.Confirmed:
                action.MarkDone(actor.Id, now);
                return true;
            case ActionStatus.Done:
                return false;
            default:
                throw MdoRuleException.State($"Only a confirmed action can be marked done; '{actionId}' is {action.Status}.");
        }
    }

    /// <summary>
    /// Drops an open (proposed or confirmed) action that is no longer needed — at a follow-up in a
    /// later MDO. Owner or chair; allowed after Close. Returns false when already dropped.
    /// </summary>
    public bool MarkActionDropped(Participant actor, string actionId, DateTimeOffset now)
    {
        var action = RequireAction(actionId);
        MdoPolicy.DemandCanMarkDone(this, action, actor);
        switch (action.Status)
        {
            case ActionStatus.Proposed or ActionStatus.Confirmed:
                action.Drop(actor.Id, now);
                return true;
            case ActionStatus.Dropped:
                return false;
            default:
                throw MdoRuleException.State($"Only an open action can be dropped; '{actionId}' is {action.Status}.");
        }
    }

    /// <summary>Records how the parents got their feedback (case lead or chair; allowed after Close).</summary>
    public bool RecordFeedback(Participant actor, string caseId, FeedbackStatus status, DateTimeOffset now)
    {
        var c = FindCase(caseId) ?? throw new MdoRuleException(MdoError.NotFound, "Case not found.");
        MdoPolicy.DemandCaseLeadOrChair(this, c, actor);
        if (status == FeedbackStatus.Open)
        {
            throw MdoRuleException.Invalid("status", "feedback can only be marked sent or discussed.");
        }

        if (c.Feedback == status)
        {
            return false;
        }

        c.RecordFeedback(status, actor.Id, now);
        return true;
    }

    private static void EnsureDueNotPast(DateOnly due, DateTimeOffset now)
    {
        if (due < DateOnly.FromDateTime(now.Date))
        {
            throw MdoRuleException.Invalid("due", "must not be before today.");
        }
    }

    private static void EnsureActionRoom(MdoCase target)
    {
        if (target.Actions.Count >= MdoLimits.MaxActionsPerCase)
        {
            throw new MdoRuleException(MdoError.LimitReached, $"A case has at most {MdoLimits.MaxActionsPerCase} actions.");
        }
    }

    private string NewActionId() => $"a{++LastActionNumber}";
}
