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
            new(lang.Pick("Actie", "Action"), a.Description),
            .. withOwner ? (Fact[])[new(lang.Pick("Eigenaar", "Owner"), a.Owner.Name)] : [],
            new(lang.Pick("Uiterlijk op", "Due by"), MdoFormat.Date(a.DueDate, lang)),
            .. string.IsNullOrWhiteSpace(caseCode) ? (Fact[])[] : [new(lang.Pick("Casus", "Case"), caseCode)],
            .. mdo.HasOwnTitle ? (Fact[])[new("MDO", mdo.Title)] : [], // "MDO: MDO" says nothing
        ],
    };
}
