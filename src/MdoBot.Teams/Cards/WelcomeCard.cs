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
            Lang = lang.Pick("nl", "en"),
            FallbackText = lang.Pick("MdoBot is toegevoegd. Typ 'help' voor de commando's.", "MdoBot was added. Type 'help' for the commands."),
            Body =
            [
                new TextBlock { Text = lang.Pick("Welkom bij MdoBot", "Welcome to MdoBot"), Size = "Large", Weight = "Bolder" },
                new TextBlock
                {
                    Text = lang.Pick(
                        "Ik help jullie een multidisciplinair overleg (MDO) te voeren in deze Teams-vergadering: een agenda met casussen, een tijdbewaking per casus (standaard 20 minuten) en afspraken over wie wat doet, die de eigenaar zelf bevestigt. Na afloop krijgen coördinatoren een samenvatting en de regiehouder een terugkoppeling in gewone taal voor de ouders.",
                        "I help you run a multidisciplinary case consultation (MDO) in this Teams meeting: an agenda of cases, a time box per case (20 minutes by default) and agreements on who does what, confirmed by the owner. Afterwards coordinators get a summary and the case lead a plain-language feedback draft for the parents."),
                },
                new TextBlock { Text = lang.Pick("Wat ik bewaar", "What I store"), Weight = "Bolder", Spacing = "Medium" },
                new TextBlock
                {
                    Text = lang.Pick(
                        $"Alleen wat nodig is: een casuscode (geen naam of BSN), de vraag, het perspectief van het gezin, doelen, besluiten en acties, en de Teams-id's van deelnemers. De inhoud wordt {settings.RetentionDays} dagen na het overleg automatisch verwijderd. Een voorzitter kan een casus of het hele overleg eerder laten verwijderen.",
                        $"Only what is needed: a case code (no name or citizen service number), the question, the family's view, goals, decisions and actions, and participants' Teams ids. Content is deleted automatically {settings.RetentionDays} days after the meeting. A chair can have a case or the whole meeting deleted sooner."),
                },
                new TextBlock
                {
                    Text = lang.Pick("Typ **help** (of noem mij met @MdoBot help) voor alle commando's.", "Type **help** (or @mention me with help) for all commands."),
                    IsSubtle = true,
                },
                new ActionSet { Actions = [.. LanguageButtons(lang)] },
            ],
            Actions =
            [
                new ExecuteAction { Title = lang.Pick("Agenda voorbereiden", "Prepare the agenda"), Verb = CardVerbs.OpenAgenda, Data = new { verb = CardVerbs.OpenAgenda } },
                new ExecuteAction { Title = lang.Pick("Help", "Help"), Verb = CardVerbs.ShowHelp, Data = new { verb = CardVerbs.ShowHelp } },
            ],
        };
    }

    /// <summary>One button per other supported language, titled in that language ("English", "Nederlands").</summary>
    private static IEnumerable<CardAction> LanguageButtons(Language lang) =>
        MdoMeeting.SupportedLanguages.Where(code => LanguageResolver.FromLocale(code) != lang).Select(code => new ExecuteAction
        {
            Title = LanguageResolver.FromLocale(code).Pick("Nederlands", "English"),
            Verb = CardVerbs.ChooseLanguage,
            Data = new LanguageChoiceData(CardVerbs.ChooseLanguage, code),
        });
}
