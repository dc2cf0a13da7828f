namespace MdoBot.Domain.Mdo;

/// <summary>
/// The single place that decides who may do what in an MDO. Every <see cref="Mdo"/> operation
/// calls one of the Demand methods; the UI may call the Is/Can methods to decide what to show.
/// </summary>
public static class MdoPolicy
{
    public static bool IsChair(Mdo mdo, string? userId)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        return !string.IsNullOrEmpty(userId) && mdo.Chairs.Any(c => string.Equals(c.Id, userId, StringComparison.Ordinal));
    }

    public static bool IsOwner(MdoAction action, string? userId)
    {
        ArgumentNullException.ThrowIfNull(action);
        return !string.IsNullOrEmpty(userId) && string.Equals(action.Owner.Id, userId, StringComparison.Ordinal);
    }

    /// <summary>The owner or a chair may mark an action done.</summary>
    public static bool CanMarkDone(Mdo mdo, MdoAction action, string? userId) =>
        IsOwner(action, userId) || IsChair(mdo, userId);

    public static void DemandChair(Mdo mdo, Participant actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsChair(mdo, actor.Id))
        {
            throw new MdoRuleException(MdoError.NotChair, "Only a chair can do this.");
        }
    }

    public static void DemandOwner(MdoAction action, Participant actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsOwner(action, actor.Id))
        {
            throw new MdoRuleException(MdoError.NotOwner, "Only the owner of the action can do this.");
        }
    }

    public static void DemandCanMarkDone(Mdo mdo, MdoAction action, Participant actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CanMarkDone(mdo, action, actor.Id))
        {
            throw new MdoRuleException(MdoError.NotOwner, "Only the owner of the action or a chair can do this.");
        }
    }

    public static bool IsCaseLead(MdoCase c, string? userId) =>
        userId is not null && c is not null && c.CaseLead?.Id == userId;

    /// <summary>The case lead owns the parents' feedback; a chair may act for them.</summary>
    public static void DemandCaseLeadOrChair(Mdo mdo, MdoCase c, Participant actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsCaseLead(c, actor.Id) && !IsChair(mdo, actor.Id))
        {
            throw new MdoRuleException(MdoError.NotCaseLead, "Only the case lead or a chair can do this.");
        }
    }
}
