using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>Shared goal, decisions and case lead: a form on the case card, facts when read-only.</summary>
internal static class CaseOutcome
{
    public static List<Fact> Facts(string? goal, string? decisions, Participant? caseLead, Language lang) =>
    [
        new(lang.Text("MdoCards.sharedGoal"), goal ?? "—"),
        new(lang.Text("MdoCards.decisions"), decisions ?? "—"),
        new(lang.Text("MdoCards.caseLead"), caseLead?.Name ?? lang.Text("MdoCards.notChosenYet")),
    ];

    public static IEnumerable<CardElement> Inputs(MdoMeeting mdo, MdoCase c, IReadOnlyList<Participant> members, Language lang) =>
    [
        new TextInput
        {
            Id = InputIds.Goal,
            Label = lang.Text("MdoCards.sharedGoal"),
            Placeholder = lang.Text("MdoCards.whatAreTheFamilyAndProfessionals"),
            MaxLength = MdoLimits.GoalMaxLength,
            Value = c.SharedGoal,
            Spacing = "Medium",
        },
        new TextInput
        {
            Id = InputIds.Decisions,
            Label = lang.Text("MdoCards.decisions"),
            IsMultiline = true,
            MaxLength = MdoLimits.DecisionsMaxLength,
            Value = c.Decisions,
        },
        new ChoiceSetInput
        {
            Id = InputIds.CaseLead,
            Label = lang.Text("MdoCards.caseLead"),
            Style = "compact",
            Placeholder = lang.Text("MdoCards.chooseTheCaseLead"),
            Choices = MdoButtons.Members(members, c.CaseLead),
            Value = c.CaseLead?.Id,
        },
        new ActionSet { Actions = [MdoButtons.Case(mdo, CardVerbs.SaveCaseRecord, lang.Text("MdoCards.save"), c.Id, style: "positive")] },
    ];
}
