namespace MdoBot.Domain.Mdo;

/// <summary>Follow-up of an open action in a later MDO of the series (done and dropped are in Mdo.Actions).</summary>
public sealed partial class Mdo
{
    /// <summary>
    /// Notes that an open (proposed or confirmed) action is still in progress, so the follow-up shows it was checked.
    /// Owner or chair; allowed after Close. Returns false when it was already noted at this moment.
    /// </summary>
    public bool NoteActionStillOpen(Participant actor, string actionId, DateTimeOffset now)
    {
        var action = RequireAction(actionId);
        MdoPolicy.DemandCanMarkDone(this, action, actor);
        if (action.Status is not (ActionStatus.Proposed or ActionStatus.Confirmed))
        {
            throw MdoRuleException.State($"Only an open action can be still open; '{actionId}' is {action.Status}.");
        }

        if (action.StillOpenAt == now)
        {
            return false;
        }

        action.NoteStillOpen(now);
        return true;
    }
}
