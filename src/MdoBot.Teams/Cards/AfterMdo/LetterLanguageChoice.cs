using MdoBot.Domain.Feedback;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Cards.AfterMdo;

/// <summary>
/// The language of the parents' letter: the family's, not the professional's Teams language. Dutch unless the
/// case lead chooses otherwise on the draft card.
/// </summary>
public static class LetterLanguageChoice
{
    public static ChoiceSetInput Build(FeedbackLanguage letter, Language lang) => new()
    {
        Id = InputIds.LetterLanguage,
        Label = lang.Text("AfterMdoCards.languageOfTheLetterTheFamilys"),
        Style = "compact",
        Choices = [new Choice("Nederlands", "nl"), new Choice("English", "en")],
        Value = Code(letter),
    };

    /// <summary>The chosen letter language; Dutch when none or an unknown one was sent.</summary>
    public static FeedbackLanguage Parse(string? code) =>
        string.Equals(code?.Trim(), "en", StringComparison.OrdinalIgnoreCase) ? FeedbackLanguage.English : FeedbackLanguage.Dutch;

    public static string Code(FeedbackLanguage letter) => letter == FeedbackLanguage.English ? "en" : "nl";
}
