using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>The agenda editor's title field: the chair names the MDO (it starts as the Teams meeting's title).</summary>
internal static class AgendaTitleControl
{
    public static ColumnSet Build(MdoMeeting mdo, Language lang) => InputRow(
        new TextInput
        {
            Id = InputIds.Title,
            Label = lang.Text("MdoCards.titleOfTheMdo"),
            Value = mdo.HasOwnTitle ? mdo.Title : null,
            Placeholder = lang.Text("MdoCards.forExampleMdoYouthNorth"),
            MaxLength = MdoLimits.TitleMaxLength,
        },
        MdoButtons.Agenda(mdo, CardVerbs.SetTitle, lang.Text("MdoCards.save"), withInputs: true));

    /// <summary>One input with its button beside it, on a separated row of the editor.</summary>
    public static ColumnSet InputRow(CardElement input, CardAction button) => new()
    {
        Separator = true,
        Spacing = "Medium",
        Columns =
        [
            new Column { Width = "stretch", Items = [input] },
            new Column { Width = "auto", VerticalContentAlignment = "Bottom", Items = [new ActionSet { Actions = [button] }] },
        ],
    };
}
