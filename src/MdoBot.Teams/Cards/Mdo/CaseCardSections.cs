using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>A section of the case card behind a show/hide button (Action.ToggleVisibility: the client alone, no round trip).</summary>
internal static class CaseCardSections
{
    /// <param name="id">The section's element id, unique on the card ("family-c1").</param>
    /// <param name="open">Shown at first (e.g. when an action waits to be reassigned).</param>
    public static IEnumerable<CardElement> Collapsible(string id, string heading, List<CardElement> items, bool open, Language lang)
    {
        yield return new ColumnSet
        {
            Spacing = "Medium",
            Columns =
            [
                new Column { Width = "stretch", VerticalContentAlignment = "Center", Items = [new TextBlock { Text = heading, Weight = "Bolder" }] },
                new Column
                {
                    Width = "auto",
                    Items =
                    [
                        new ActionSet
                        {
                            Actions = [new ToggleVisibilityAction { Title = lang.Text("MdoCards.showHide"), TargetElements = [id] }],
                        },
                    ],
                },
            ],
        };
        yield return new Container { Id = id, IsVisible = open ? null : false, Items = items, Spacing = "Small" };
    }
}
