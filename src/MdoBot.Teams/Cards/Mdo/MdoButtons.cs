using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>
/// Action.Execute buttons with their typed <c>data</c> (see CardPayloads.cs). The verb is always put
/// into the data as well, so the Action.Submit fallback can be routed.
/// </summary>
internal static class MdoButtons
{
    /// <summary>No inputs are sent (and none validated): for buttons that act without a form.</summary>
    public const string NoInputs = "None";

    public static ExecuteAction Agenda(
        MdoMeeting mdo, string verb, string title, string? caseId = null, string? direction = null, string? style = null, bool withInputs = false) =>
        new()
        {
            Title = title,
            Verb = verb,
            Style = style,
            Data = new AgendaActionData(verb, mdo.Id, mdo.AgendaVersion, CaseId: caseId, Direction: direction),
            AssociatedInputs = withInputs ? null : NoInputs,
        };

    public static ExecuteAction Meeting(MdoMeeting mdo, string verb, string title, string? caseId = null, int? minutes = null, string? style = null) =>
        new()
        {
            Title = title,
            Verb = verb,
            Style = style,
            Data = new MeetingActionData(verb, mdo.Id, mdo.AgendaVersion, caseId, minutes),
            AssociatedInputs = NoInputs,
        };

    public static ExecuteAction Start(MdoMeeting mdo, Language lang) =>
        Meeting(mdo, CardVerbs.Start, lang.Text("MdoCards.start"), style: "positive");

    public static ExecuteAction Extend(MdoMeeting mdo, string caseId, Language lang) =>
        Meeting(mdo, CardVerbs.Extend, lang.Text("MdoCards.extend5"), caseId, 5);

    /// <summary>"Volgende casus", or "Laatste casus afronden" when no planned case is left.</summary>
    public static ExecuteAction Next(MdoMeeting mdo, string caseId, Language lang) =>
        Meeting(
            mdo,
            CardVerbs.Next,
            mdo.NextPlannedCase is null ? lang.Text("MdoCards.finishLastCase") : lang.Text("MdoCards.nextCase"),
            caseId,
            style: "positive");

    public static ExecuteAction Case(MdoMeeting mdo, string verb, string title, string caseId, string? actionId = null, string? style = null) =>
        new()
        {
            Title = title,
            Verb = verb,
            Style = style,
            Data = new CaseActionData(verb, mdo.Id, caseId, actionId),
        };

    public static ExecuteAction Action(MdoMeeting mdo, string verb, string title, string actionId, string? style = null, bool withInputs = false) =>
        new()
        {
            Title = title,
            Verb = verb,
            Style = style,
            Data = new ActionCardData(verb, mdo.Id, actionId),
            AssociatedInputs = withInputs ? null : NoInputs,
        };

    /// <summary>Members as choices (title = name, value = user id); <paramref name="keep"/> is added when no longer a member.</summary>
    public static List<Choice> Members(IReadOnlyList<Participant> members, Participant? keep = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        var choices = members.Select(m => new Choice(m.Name, m.Id)).ToList();
        if (keep is not null && !members.Any(m => m.Id == keep.Id))
        {
            choices.Add(new Choice(keep.Name, keep.Id));
        }

        return choices;
    }

    public static ShowCardAction ShowCard(string title, List<CardElement> body) =>
        new() { Title = title, Card = new AdaptiveCard { Body = body } };
}
