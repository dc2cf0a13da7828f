using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>Posted when the Teams meeting starts and an agenda is ready: MdoBot asks, a chair starts.</summary>
public static class StartPromptCard
{
    public static AdaptiveCard Build(MdoMeeting mdo, Language lang)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        var count = mdo.Cases.Count;
        var planned = mdo.FitCheck().PlannedMinutes;
        var canStart = mdo.State == MdoState.Planned && count > 0;
        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = lang.Pick("De vergadering is begonnen. Het MDO starten?", "The meeting has started. Start the MDO?"),
            Body =
            [
                new TextBlock { Text = lang.Pick("De vergadering is begonnen. Het MDO starten?", "The meeting has started. Start the MDO?"), Size = "Medium", Weight = "Bolder" },
                new TextBlock
                {
                    Text = lang.Pick(
                        $"{mdo.Title}: {count} {(count == 1 ? "casus" : "casussen")}, {planned} min gepland.",
                        $"{mdo.Title}: {count} {(count == 1 ? "case" : "cases")}, {planned} min planned."),
                },
                MdoTexts.Subtle(lang.Pick("MdoBot start niet vanzelf: een voorzitter kiest Start.", "MdoBot does not start on its own: a chair chooses Start.")),
            ],
            Actions = canStart ? [MdoButtons.Start(mdo, lang)] : null,
        };
    }
}
