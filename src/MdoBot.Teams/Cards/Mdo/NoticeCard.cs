using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>A small card for confirmations and refusals, e.g. "This card is out of date".</summary>
public static class NoticeCard
{
    public static AdaptiveCard Build(string title, string text, Language lang)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(text);
        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = $"{title}. {text}",
            Body =
            [
                new TextBlock { Text = title, Weight = "Bolder" },
                new TextBlock { Text = text, Spacing = "Small" },
            ],
        };
    }
}
