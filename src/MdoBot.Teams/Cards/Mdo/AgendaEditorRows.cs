using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>The rows of the agenda editor: one per case, and the meeting length.</summary>
internal static class AgendaEditorRows
{
    public static Container Row(
        MdoMeeting mdo, MdoCase c, int index, IReadOnlyList<Participant> members, Language lang, bool closed, MdoCase? editing, bool compact)
    {
        var items = new List<CardElement>
        {
            new TextBlock { Text = $"**{index + 1}. {c.Code}** · {c.PlannedMinutes} min" + StatusSuffix(c, lang) },
        };
        if (Details(c, lang) is { Length: > 0 } details)
        {
            items.Add(MdoTexts.Subtle(details));
        }

        if (closed || c.Status != CaseStatus.Planned)
        {
            return new Container { Separator = true, Items = items };
        }

        if (editing is not null && editing.Id == c.Id)
        {
            items.AddRange(CaseFormInputs.Build(members, lang, c));
            items.Add(new ActionSet
            {
                Actions =
                [
                    MdoButtons.Agenda(mdo, CardVerbs.SaveCase, lang.Text("MdoCards.save"), c.Id, style: "positive", withInputs: true),
                    MdoButtons.Agenda(mdo, CardVerbs.OpenAgenda, lang.Text("MdoCards.cancel")),
                ],
            });
            return new Container { Separator = true, Style = "emphasis", Items = items };
        }

        if (!compact)
        {
            items.Add(new ActionSet { Actions = RowButtons(mdo, c, index, lang) });
        }

        return new Container { Separator = true, Items = items };
    }

    private static List<CardAction> RowButtons(MdoMeeting mdo, MdoCase c, int index, Language lang)
    {
        var firstMovable = mdo.Cases.Count(x => x.Status != CaseStatus.Planned);
        var buttons = new List<CardAction>();
        if (index > firstMovable)
        {
            buttons.Add(MdoButtons.Agenda(mdo, CardVerbs.MoveCase, "↑", c.Id, "up"));
        }

        if (index < mdo.Cases.Count - 1)
        {
            buttons.Add(MdoButtons.Agenda(mdo, CardVerbs.MoveCase, "↓", c.Id, "down"));
        }

        buttons.Add(MdoButtons.Agenda(mdo, CardVerbs.EditCaseForm, lang.Text("MdoCards.edit"), c.Id));
        buttons.Add(RemoveWithConfirm(mdo, c, lang));
        return buttons;
    }

    /// <summary>A quiet "Remove…" that first asks; only the confirm button inside removes the case.</summary>
    private static ShowCardAction RemoveWithConfirm(MdoMeeting mdo, MdoCase c, Language lang) =>
        MdoButtons.ShowCard(
            lang.Text("MdoCards.remove2"),
            [
                new TextBlock { Text = lang.Text("MdoCards.takeOffTheAgendaWhatWas", ("code", c.Code)) },
                new ActionSet { Actions = [MdoButtons.Agenda(mdo, CardVerbs.RemoveCase, lang.Text("MdoCards.yesRemove"), c.Id, style: "destructive")] },
            ]);

    private static string StatusSuffix(MdoCase c, Language lang) => c.Status switch
    {
        CaseStatus.Current => lang.Text("MdoCards.now"),
        CaseStatus.Done => lang.Text("MdoCards.discussed"),
        _ => "",
    };

    private static string Details(MdoCase c, Language lang)
    {
        var parts = new List<string>();
        if (c.Presenter is { } presenter)
        {
            parts.Add(lang.Text("MdoCards.presenter") + presenter.Name);
        }

        if (c.ParentsJoin)
        {
            parts.Add(lang.Text("MdoCards.parentsJoin"));
        }

        return string.Join(" · ", parts);
    }
}
