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
        new(lang.Pick("Gedeeld doel", "Shared goal"), goal ?? "—"),
        new(lang.Pick("Besluiten", "Decisions"), decisions ?? "—"),
        new(lang.Pick("Regiehouder", "Case lead"), caseLead?.Name ?? lang.Pick("nog niet gekozen", "not chosen yet")),
    ];

    public static IEnumerable<CardElement> Inputs(MdoMeeting mdo, MdoCase c, IReadOnlyList<Participant> members, Language lang) =>
    [
        new TextInput
        {
            Id = InputIds.Goal,
            Label = lang.Pick("Gedeeld doel", "Shared goal"),
            Placeholder = lang.Pick("Waar werken gezin en professionals samen naartoe?", "What are the family and professionals working towards?"),
            MaxLength = MdoLimits.GoalMaxLength,
            Value = c.SharedGoal,
            Spacing = "Medium",
        },
        new TextInput
        {
            Id = InputIds.Decisions,
            Label = lang.Pick("Besluiten", "Decisions"),
            IsMultiline = true,
            MaxLength = MdoLimits.DecisionsMaxLength,
            Value = c.Decisions,
        },
        new ChoiceSetInput
        {
            Id = InputIds.CaseLead,
            Label = lang.Pick("Regiehouder", "Case lead"),
            Style = "compact",
            Placeholder = lang.Pick("Kies de regiehouder", "Choose the case lead"),
            Choices = MdoButtons.Members(members, c.CaseLead),
            Value = c.CaseLead?.Id,
        },
        new ActionSet { Actions = [MdoButtons.Case(mdo, CardVerbs.SaveCaseRecord, lang.Pick("Opslaan", "Save"), c.Id, style: "positive")] },
    ];
}
