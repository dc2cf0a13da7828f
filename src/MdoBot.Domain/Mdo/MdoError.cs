namespace MdoBot.Domain.Mdo;

/// <summary>Why an MDO operation was refused. The UI localizes by this code.</summary>
public enum MdoError
{
    /// <summary>Only a chair may do this.</summary>
    NotChair,

    /// <summary>Only the owner of the action (or, for "done", a chair) may do this.</summary>
    NotOwner,

    /// <summary>Only the case lead (or a chair) may do this.</summary>
    NotCaseLead,

    /// <summary>The case or action does not exist in this MDO.</summary>
    NotFound,

    /// <summary>The MDO, case or action is not in a state that allows this.</summary>
    InvalidState,

    /// <summary>The card is out of date: the agenda or the current case changed since it was shown.</summary>
    StaleAgenda,

    /// <summary>The MDO is closed; only action confirm / decline / done are still allowed.</summary>
    Closed,

    /// <summary>A value is missing, too long or out of range; see <see cref="MdoRuleException.Field"/>.</summary>
    InvalidInput,

    /// <summary>Another case in this MDO already has this code (case-insensitive).</summary>
    DuplicateCode,

    /// <summary>Too many cases, actions or chairs (see <see cref="MdoLimits"/>).</summary>
    LimitReached,
}
