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
            MdoState.Planned => lang.Text("MdoCards.theMeetingHasStartedStartThe"),
            MdoState.Running => lang.Text("MdoCards.theMdoHasStarted"),
            _ => lang.Text("MdoCards.theMdoIsClosed"),
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
                    Text = count == 1
                        ? lang.Text("MdoCards.oneCasePlanned", ("subject", subject), ("planned", planned))
                        : lang.Text("MdoCards.casesPlanned", ("subject", subject), ("count", count), ("planned", planned)),
                },
                MdoTexts.Subtle(mdo.State switch
                {
                    MdoState.Planned => lang.Text("MdoCards.mdobotDoesNotStartOnIts"),
                    MdoState.Running => lang.Text("MdoCards.followTheCaseCardsInThe"),
                    _ => lang.Text("MdoCards.theSummaryIsInTheChat"),
                }),
            ],
            Actions = canStart ? [MdoButtons.Start(mdo, lang)] : null,
        };
    }
}
