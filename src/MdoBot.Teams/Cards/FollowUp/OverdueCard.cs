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
        var title = lang.Pick("Actie niet op tijd afgerond", "Action not finished on time");
        var due = MdoFormat.Date(a.DueDate, lang);
        var role = toChair
            ? lang.Pick("Deze casus heeft geen regiehouder; daarom krijg jij als voorzitter dit bericht.", "This case has no case lead, so you get this message as the chair.")
            : lang.Pick("Als regiehouder kun je navragen hoe het ervoor staat.", "As the case lead you may want to check how it is going.");
        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = $"{title}: {a.Description}",
            Body =
            [
                new TextBlock { Text = title, Size = "Medium", Weight = "Bolder", Color = "attention" },
                new TextBlock
                {
                    Text = lang.Pick(
                        $"{a.Owner.Name} heeft deze actie nog niet als gedaan gemarkeerd; de deadline was {due}. {role}",
                        $"{a.Owner.Name} has not marked this action done yet; it was due {due}. {role}"),
                    Spacing = "Small",
                },
                ActionFacts.For(mdo, a, caseCode, lang, withOwner: true),
            ],
        };
    }
}
