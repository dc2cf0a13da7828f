namespace MdoBot.Teams.Cards;

/// <summary>Settings that cards state to users (e.g. how long content is kept).</summary>
public sealed class CardSettings
{
    public int RetentionDays { get; init; } = 90;
}
