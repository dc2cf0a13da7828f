using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>
/// Posted when the Teams meeting starts and an agenda is ready: MdoBot asks, a chair starts. Updated in place when
/// the MDO starts (or closes), so no dead Start button stays behind.
/// </summary>
public static class StartPromptCard
{
    public static AdaptiveCard Build(MdoMeeting mdo, Language lang)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        var count = mdo.Cases.Count;
        var planned = mdo.FitCheck().PlannedMinutes;
        var canStart = mdo.State == MdoState.Planned && count > 0;
        var heading = mdo.State switch
        {
            MdoState.Planned => lang.Pick("De vergadering is begonnen. Het MDO starten?", "The meeting has started. Start the MDO?"),
            MdoState.Running => lang.Pick("Het MDO is gestart.", "The MDO has started."),
            _ => lang.Pick("Het MDO is afgerond.", "The MDO is closed."),
        };
        var subject = mdo.HasOwnTitle ? mdo.Title + ": " : string.Empty;
        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = heading,
            Body =
            [
                new TextBlock { Text = heading, Size = "Medium", Weight = "Bolder" },
                new TextBlock
                {
                    Text = lang.Pick(
                        $"{subject}{count} {(count == 1 ? "casus" : "casussen")}, {planned} min gepland.",
                        $"{subject}{count} {(count == 1 ? "case" : "cases")}, {planned} min planned."),
                },
                MdoTexts.Subtle(mdo.State switch
                {
                    MdoState.Planned => lang.Pick("MdoBot start niet vanzelf: een voorzitter kiest Start.", "MdoBot does not start on its own: a chair chooses Start."),
                    MdoState.Running => lang.Pick("Volg de casuskaarten in de chat.", "Follow the case cards in the chat."),
                    _ => lang.Pick("De samenvatting staat in de chat.", "The summary is in the chat."),
                }),
            ],
            Actions = canStart ? [MdoButtons.Start(mdo, lang)] : null,
        };
    }
}
