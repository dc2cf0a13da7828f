using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.MdoFlow;

/// <summary>Friendly, localized answers for refused operations. No case content is echoed.</summary>
public static class RuleMessages
{
    public static string For(MdoRuleException ex, Language lang, string? ownerName = null)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.Code switch
        {
            MdoError.NotChair => lang.Pick("Alleen de voorzitter kan dit doen.", "Only the chair can do this."),
            MdoError.NotOwner => lang.Pick($"Alleen {ownerName ?? "de eigenaar"} kan deze actie bevestigen of afwijzen.", $"Only {ownerName ?? "the owner"} can confirm or decline this action."),
            MdoError.NotCaseLead => lang.Pick("Alleen de regiehouder of de voorzitter kan dit doen.", "Only the case lead or the chair can do this."),
            MdoError.NotFound => lang.Pick("Die casus of actie bestaat niet (meer).", "That case or action no longer exists."),
            MdoError.StaleAgenda => lang.Pick("Deze kaart was verouderd; ik heb de actuele versie getoond. Probeer het opnieuw.", "This card was out of date; I showed the current version. Please try again."),
            MdoError.Closed => lang.Pick("Dit MDO is afgerond; er kan niets meer worden gewijzigd.", "This MDO is closed; nothing can be changed any more."),
            MdoError.DuplicateCode => lang.Pick("Er staat al een casus met deze code op de agenda.", "A case with this code is already on the agenda."),
            MdoError.LimitReached => lang.Pick("Het maximum is bereikt.", "The maximum has been reached."),
            MdoError.InvalidInput => InvalidInput(ex.Field, lang),
            _ => lang.Pick("Dat kan nu niet.", "That is not possible right now."),
        };
    }

    private static string InvalidInput(string? field, Language lang) => field switch
    {
        "code" => lang.Pick("Geef een casuscode (1 tot 40 tekens), bijvoorbeeld 'Gezin A'.", "Give a case code (1 to 40 characters), e.g. 'Family A'."),
        "timeBoxMinutes" => lang.Pick("De tijd per casus is 5 tot 60 minuten.", "The time per case is 5 to 60 minutes."),
        "reason" => lang.Pick("Geef een reden op.", "Please give a reason."),
        "due" => lang.Pick("Kies een datum vandaag of later.", "Choose a date today or later."),
        "description" => lang.Pick("Beschrijf de actie (maximaal 500 tekens).", "Describe the action (500 characters at most)."),
        "minutes" => lang.Pick("Dat aantal minuten kan niet.", "That number of minutes is not possible."),
        "title" => lang.Pick("Geef een titel van 1 tot 200 tekens.", "Give a title of 1 to 200 characters."),
        _ => lang.Pick("Controleer wat je hebt ingevuld.", "Please check what you entered."),
    };
}
