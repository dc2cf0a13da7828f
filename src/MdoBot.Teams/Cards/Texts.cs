using MdoBot.Teams.Routing;

namespace MdoBot.Teams.Cards;

/// <summary>Picks the Dutch or English text (Dutch by default).</summary>
public static class Texts
{
    public static string Pick(this Language language, string dutch, string english) =>
        language == Language.English ? english : dutch;
}

/// <summary>Settings that cards state to users (e.g. how long content is kept).</summary>
public sealed class CardSettings
{
    public int RetentionDays { get; init; } = 90;
}
