using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Cards;

/// <summary>The list of typed commands (every button has one), in Dutch or English.</summary>
public static class HelpCard
{
    public static AdaptiveCard Build(Language lang) => new()
    {
        Lang = lang.Text("Cards.en"),
        FallbackText = lang.Text("Cards.mdobotCommands"),
        Body =
        [
            new TextBlock { Text = lang.Text("Cards.mdobotCommands"), Size = "Large", Weight = "Bolder" },
            new TextBlock
            {
                Text = lang.Text("Cards.inAGroupChatOrChannel"),
                IsSubtle = true,
            },
            new FactSet { Facts = Commands(lang) },
        ],
    };

    private static List<Fact> Commands(Language lang) => lang == Language.English
        ?
        [
            new("help", "Show this list"),
            new("agenda", "Prepare or show the agenda"),
            new("start", "Start the MDO (chair)"),
            new("next", "Go to the next case (chair)"),
            new("extend 5", "Add 5 minutes to the current case (chair)"),
            new("action @name [text] by [date]", "Record who does what (chair); pick @name from the list Teams shows"),
            new("chair @name", "Make someone a chair (chair)"),
            new("title [name]", "Name the MDO (chair)"),
            new("language nl / en", "The language of the MDO's shared cards (chair)"),
            new("coordinator @name", "Send someone the summaries of this series (chair)"),
            new("close", "Close the MDO and post the summary (chair)"),
            new("summary", "Show the summary"),
            new("export [case code]", "The case summary as text for your own file (chair, case lead)"),
            new("evaluation", "The evaluation trend of this series (chair, coordinator)"),
            new("audit", "Who changed what, without content (chair, coordinator)"),
            new("delete case [code] / delete meeting", "Delete content now (chair)"),
        ]
        :
        [
            new("hulp", "Deze lijst tonen"),
            new("agenda", "De agenda voorbereiden of tonen"),
            new("start / starten / begin", "Het MDO starten (voorzitter)"),
            new("volgende", "Naar de volgende casus (voorzitter)"),
            new("verleng 5", "5 minuten erbij voor de huidige casus (voorzitter)"),
            new("actie @naam [tekst] voor [datum]", "Vastleggen wie wat doet (voorzitter); kies @naam uit de lijst die Teams toont"),
            new("voorzitter @naam", "Iemand voorzitter maken (voorzitter)"),
            new("titel [naam]", "Het MDO een naam geven (voorzitter)"),
            new("taal nl / en", "De taal van de gedeelde kaarten van het MDO (voorzitter)"),
            new("coördinator @naam", "Iemand de samenvattingen van dit overleg sturen (voorzitter)"),
            new("afronden", "Het MDO afronden en de samenvatting plaatsen (voorzitter)"),
            new("samenvatting", "De samenvatting tonen"),
            new("export [casuscode]", "De casus als tekst voor je eigen dossier (voorzitter, regiehouder)"),
            new("evaluatie", "Het verloop van de evaluaties (voorzitter, coördinator)"),
            new("audit", "Wie wat wijzigde, zonder inhoud (voorzitter, coördinator)"),
            new("verwijder casus [code] / verwijder overleg", "Inhoud nu verwijderen (voorzitter)"),
        ];
}
