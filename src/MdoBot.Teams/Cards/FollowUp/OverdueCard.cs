using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.FollowUp;

/// <summary>
/// The report to the case lead (or, for a case without one, the chair) that a confirmed action is past
/// its due date and not marked done. Sent once, in a 1:1 chat; no buttons.
/// </summary>
public static class OverdueCard
{
    public static AdaptiveCard Build(MdoMeeting mdo, MdoAction a, string caseCode, bool toChair, Language lang)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        ArgumentNullException.ThrowIfNull(a);
        var title = lang.Text("FollowUpCards.actionNotFinishedOnTime");
        var due = MdoFormat.Date(a.DueDate, lang);
        var role = toChair
            ? lang.Text("FollowUpCards.thisCaseHasNoCaseLead")
            : lang.Text("FollowUpCards.asTheCaseLeadYouMay");
        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = $"{title}: {a.Description}",
            Body =
            [
                new TextBlock { Text = title, Size = "Medium", Weight = "Bolder", Color = "attention" },
                new TextBlock
                {
                    Text = lang.Text("FollowUpCards.hasNotMarkedThisActionDone", ("ownerName", a.Owner.Name), ("due", due), ("role", role)),
                    Spacing = "Small",
                },
                ActionFacts.For(mdo, a, caseCode, lang, withOwner: true),
            ],
        };
    }
}
