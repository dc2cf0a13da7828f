using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.FollowUp;

/// <summary>The facts of one action on the follow-up cards: what, (who), by when, which case, which MDO.</summary>
internal static class ActionFacts
{
    public static FactSet For(MdoMeeting mdo, MdoAction a, string caseCode, Language lang, bool withOwner) => new()
    {
        Facts =
        [
            new(lang.Text("FollowUpCards.action"), a.Description),
            .. withOwner ? (Fact[])[new(lang.Text("FollowUpCards.owner"), a.Owner.Name)] : [],
            new(lang.Text("FollowUpCards.dueBy"), MdoFormat.Date(a.DueDate, lang)),
            .. string.IsNullOrWhiteSpace(caseCode) ? (Fact[])[] : [new(lang.Text("FollowUpCards.case"), caseCode)],
            .. mdo.HasOwnTitle ? (Fact[])[new("MDO", mdo.Title)] : [], // "MDO: MDO" says nothing
        ],
    };
}
