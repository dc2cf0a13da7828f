namespace MdoBot.Teams.Cards.FollowUp;

/// <summary>
/// A status update of an open action from an earlier MDO, pressed on the current MDO's case card:
/// <c>MdoId</c>/<c>ActionId</c> name the earlier action, <c>CurrentMdoId</c>/<c>CaseId</c> the case card to refresh.
/// </summary>
public sealed record FollowUpActionData(string Verb, string MdoId, string ActionId, string CurrentMdoId, string CaseId);
