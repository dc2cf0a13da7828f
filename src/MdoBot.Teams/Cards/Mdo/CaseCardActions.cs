using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>The case card's actions: the list (with a reassign row per declined action) and the add-action form.</summary>
internal static class CaseCardActions
{
    public static IEnumerable<CardElement> List(MdoMeeting mdo, MdoCase c, IReadOnlyList<Participant> members, Language lang, bool closed, CaseLayout layout)
    {
        if (c.Actions.Count == 0)
        {
            return [new TextBlock { Text = lang.Pick("Nog geen acties.", "No actions yet."), IsSubtle = true, Spacing = "Small" }];
        }

        var reassignable = closed ? [] : c.Actions.Where(a => a.Status == ActionStatus.Declined).Take(layout.MaxReassignRows).ToList();
        if (layout.Merge)
        {
            var lines = string.Join("\n\n", c.Actions.Select(a => "• " + Line(a, lang, layout.MaxText)));
            return [new TextBlock { Text = lines, Spacing = "Small" }, .. reassignable.Select(a => Reassign(mdo, c, a, members, lang, layout.MaxText))];
        }

        return c.Actions.SelectMany(a => (IEnumerable<CardElement>)(reassignable.Contains(a)
            ? [LineBlock(a, lang, layout.MaxText), Reassign(mdo, c, a, members, lang, null)]
            : [LineBlock(a, lang, layout.MaxText)]));
    }

    public static ShowCardAction AddActionForm(MdoMeeting mdo, MdoCase c, IReadOnlyList<Participant> members, Language lang, DateOnly today) =>
        MdoButtons.ShowCard(
            lang.Pick("Actie toevoegen", "Add action"),
            [
                new ChoiceSetInput
                {
                    Id = InputIds.ActionOwner,
                    Label = lang.Pick("Wie doet het?", "Who does it?"),
                    Style = "compact",
                    Placeholder = lang.Pick("Kies een deelnemer", "Choose a participant"),
                    Choices = MdoButtons.Members(members),
                    IsRequired = true,
                    ErrorMessage = lang.Pick("Kies wie de actie doet.", "Choose who does the action."),
                },
                new TextInput
                {
                    Id = InputIds.ActionText,
                    Label = lang.Pick("Wat gebeurt er?", "What will be done?"),
                    MaxLength = MdoLimits.ActionDescriptionMaxLength,
                    IsRequired = true,
                    ErrorMessage = lang.Pick("Beschrijf de actie.", "Describe the action."),
                },
                new DateInput
                {
                    Id = InputIds.ActionDue,
                    Label = lang.Pick("Uiterlijk op", "Due by"),
                    Min = MdoFormat.InputDate(today),
                    IsRequired = true,
                    ErrorMessage = lang.Pick("Kies een datum vanaf vandaag.", "Choose a date from today."),
                },
                new ActionSet { Actions = [MdoButtons.Case(mdo, CardVerbs.AddAction, lang.Pick("Actie voorstellen", "Propose action"), c.Id, style: "positive")] },
            ]);

    private static TextBlock LineBlock(MdoAction a, Language lang, int maxText) => new()
    {
        Text = "• " + Line(a, lang, maxText),
        Color = a.Status == ActionStatus.Declined ? "attention" : null,
        IsSubtle = a.Status == ActionStatus.Reassigned ? true : null,
        Spacing = "Small",
    };

    private static string Line(MdoAction a, Language lang, int maxText) => MdoTexts.ActionLine(
        CardBudget.Clip(a.Description, maxText), a.Owner.Name, a.DueDate, MdoTexts.ActionStatusText(a.Status, CardBudget.ClipOrNull(a.DeclineReason, maxText), lang), lang);

    /// <summary>New-owner choice and Reassign button; <paramref name="clipped"/> names the action when it is not right above.</summary>
    private static ColumnSet Reassign(MdoMeeting mdo, MdoCase c, MdoAction a, IReadOnlyList<Participant> members, Language lang, int? clipped) => new()
    {
        Spacing = "Small",
        Columns =
        [
            new Column
            {
                Width = "stretch",
                Items =
                [
                    new ChoiceSetInput
                    {
                        Id = CaseCard.NewOwnerInputId(a.Id),
                        Label = clipped is { } max
                            ? lang.Pick($"Wie neemt '{CardBudget.Clip(a.Description, max)}' over?", $"Who takes over '{CardBudget.Clip(a.Description, max)}'?")
                            : lang.Pick("Wie neemt het over?", "Who takes it over?"),
                        Style = "compact",
                        Placeholder = lang.Pick("Kies een deelnemer", "Choose a participant"),
                        Choices = MdoButtons.Members([.. members.Where(m => m.Id != a.Owner.Id)]),
                    },
                ],
            },
            new Column
            {
                Width = "auto",
                VerticalContentAlignment = "Bottom",
                Items = [new ActionSet { Actions = [MdoButtons.Case(mdo, CardVerbs.ReassignAction, lang.Pick("Overdragen", "Reassign"), c.Id, a.Id)] }],
            },
        ],
    };
}
