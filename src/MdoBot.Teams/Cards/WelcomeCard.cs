using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards;

/// <summary>Posted when MdoBot is installed: what it does, what it stores and for how long, how to get help.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(Language lang, CardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new AdaptiveCard
        {
            Lang = lang.Text("Cards.en"),
            FallbackText = lang.Text("Cards.mdobotWasAddedTypeHelpFor"),
            Body =
            [
                new TextBlock { Text = lang.Text("Cards.welcomeToMdobot"), Size = "Large", Weight = "Bolder" },
                new TextBlock
                {
                    Text = lang.Text("Cards.iHelpYouRunAMultidisciplinary"),
                },
                new TextBlock { Text = lang.Text("Cards.whatIStore"), Weight = "Bolder", Spacing = "Medium" },
                new TextBlock
                {
                    Text = lang.Text("Cards.onlyWhatIsNeededACase", ("retentionDays", settings.RetentionDays)),
                },
                new TextBlock
                {
                    Text = lang.Text("Cards.typeHelpOrMentionMeWith"),
                    IsSubtle = true,
                },
                new ActionSet { Actions = [.. LanguageButtons(lang)] },
            ],
            Actions =
            [
                new ExecuteAction { Title = lang.Text("Cards.prepareTheAgenda"), Verb = CardVerbs.OpenAgenda, Data = new { verb = CardVerbs.OpenAgenda } },
                new ExecuteAction { Title = lang.Text("Cards.help"), Verb = CardVerbs.ShowHelp, Data = new { verb = CardVerbs.ShowHelp } },
            ],
        };
    }

    /// <summary>One button per other supported language, titled in that language ("English", "Nederlands").</summary>
    private static IEnumerable<CardAction> LanguageButtons(Language lang) =>
        MdoMeeting.SupportedLanguages.Where(code => LanguageResolver.FromLocale(code) != lang).Select(code => new ExecuteAction
        {
            Title = LanguageResolver.FromLocale(code).Text("Cards.english"),
            Verb = CardVerbs.ChooseLanguage,
            Data = new LanguageChoiceData(CardVerbs.ChooseLanguage, code),
        });
}
