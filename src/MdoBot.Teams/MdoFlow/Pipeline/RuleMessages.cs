using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.MdoFlow.Pipeline;

/// <summary>Friendly, localized answers for refused operations. No case content is echoed.</summary>
public static class RuleMessages
{
    public static string For(MdoRuleException ex, Language lang, string? ownerName = null)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.Code switch
        {
            MdoError.NotChair => lang.Text("Flow.onlyTheChairCanDoThis"),
            MdoError.NotOwner => ownerName is null ? lang.Text("Flow.onlyTheOwnerCanConfirmOrDecline") : lang.Text("Flow.onlyOwnerCanConfirmOrDecline", ("owner", ownerName)),
            MdoError.NotCaseLead => lang.Text("Flow.onlyTheCaseLeadOrThe"),
            MdoError.NotFound => lang.Text("Flow.thatCaseOrActionNoLonger"),
            MdoError.StaleAgenda => lang.Text("Flow.thisCardWasOutOfDate"),
            MdoError.Closed => lang.Text("Flow.thisMdoIsClosedNothingCan"),
            MdoError.DuplicateCode => lang.Text("Flow.aCaseWithThisCodeIs"),
            MdoError.LimitReached => lang.Text("Flow.theMaximumHasBeenReached"),
            MdoError.InvalidInput => InvalidInput(ex.Field, lang),
            _ => lang.Text("Flow.thatIsNotPossibleRightNow"),
        };
    }

    private static string InvalidInput(string? field, Language lang) => field switch
    {
        "code" => lang.Text("Flow.giveACaseCode1To"),
        "timeBoxMinutes" => lang.Text("Flow.theTimePerCaseIs5"),
        "reason" => lang.Text("Flow.pleaseGiveAReason"),
        "due" => lang.Text("Flow.chooseADateTodayOrLater"),
        "description" => lang.Text("Flow.describeTheAction500CharactersAt"),
        "minutes" => lang.Text("Flow.thatNumberOfMinutesIsNot"),
        "title" => lang.Text("Flow.giveATitleOf1To"),
        _ => lang.Text("Flow.pleaseCheckWhatYouEntered"),
    };
}
