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
            return [new TextBlock { Text = lang.Text("MdoCards.noActionsYet"), IsSubtle = true, Spacing = "Small" }];
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
            lang.Text("MdoCards.addAction"),
            [
                new ChoiceSetInput
                {
                    Id = InputIds.ActionOwner,
                    Label = lang.Text("MdoCards.whoDoesIt"),
                    Style = "compact",
                    Placeholder = lang.Text("MdoCards.chooseAParticipant"),
                    Choices = MdoButtons.Members(members),
                    IsRequired = true,
                    ErrorMessage = lang.Text("MdoCards.chooseWhoDoesTheAction"),
                },
                new TextInput
                {
                    Id = InputIds.ActionText,
                    Label = lang.Text("MdoCards.whatWillBeDone"),
                    MaxLength = MdoLimits.ActionDescriptionMaxLength,
                    IsRequired = true,
                    ErrorMessage = lang.Text("MdoCards.describeTheAction"),
                },
                new DateInput
                {
                    Id = InputIds.ActionDue,
                    Label = lang.Text("MdoCards.dueBy"),
                    Min = MdoFormat.InputDate(today),
                    IsRequired = true,
                    ErrorMessage = lang.Text("MdoCards.chooseADateFromToday"),
                },
                new ActionSet { Actions = [MdoButtons.Case(mdo, CardVerbs.AddAction, lang.Text("MdoCards.proposeAction"), c.Id, style: "positive")] },
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
                            ? lang.Text("MdoCards.whoTakesOver", ("value", CardBudget.Clip(a.Description, max)))
                            : lang.Text("MdoCards.whoTakesItOver"),
                        Style = "compact",
                        Placeholder = lang.Text("MdoCards.chooseAParticipant"),
                        Choices = MdoButtons.Members([.. members.Where(m => m.Id != a.Owner.Id)]),
                    },
                ],
            },
            new Column
            {
                Width = "auto",
                VerticalContentAlignment = "Bottom",
                Items = [new ActionSet { Actions = [MdoButtons.Case(mdo, CardVerbs.ReassignAction, lang.Text("MdoCards.reassign"), c.Id, a.Id)] }],
            },
        ],
    };
}
