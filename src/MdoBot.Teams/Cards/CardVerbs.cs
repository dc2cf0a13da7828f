namespace MdoBot.Teams.Cards;

/// <summary>Every Action.Execute verb MdoBot puts on a card. One handler per verb.</summary>
public static class CardVerbs
{
    public const string ShowHelp = "help.show";
}
