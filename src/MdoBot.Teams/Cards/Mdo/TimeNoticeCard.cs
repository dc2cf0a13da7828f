using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>Which time notice: most of the time box used, or the time box over.</summary>
public enum TimeNoticeKind
{
    Warning,
    TimeUp,
}

/// <summary>"Nog 5 minuten voor Gezin A" / "De tijd voor Gezin A is om", with Extend and Next while the case is current.</summary>
public static class TimeNoticeCard
{
    public static AdaptiveCard Build(MdoMeeting mdo, MdoCase c, TimeNoticeKind kind, int minutesLeft, bool late, Language lang)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        ArgumentNullException.ThrowIfNull(c);
        var text = kind == TimeNoticeKind.Warning
            ? minutesLeft == 1
                ? lang.Text("MdoCards.oneMinuteLeftFor", ("code", c.Code))
                : lang.Text("MdoCards.minutesLeftFor", ("minutesLeft", minutesLeft), ("code", c.Code))
            : lang.Text("MdoCards.timeIsUpFor", ("code", c.Code));
        var body = new List<CardElement>
        {
            kind == TimeNoticeKind.Warning
                ? new Container { Style = "warning", Items = [new TextBlock { Text = "⏱ " + text, Size = "Medium", Weight = "Bolder" }] }
                : new TextBlock { Text = "⏱ " + text, Size = "Medium", Weight = "Bolder", Color = "attention" },
        };
        if (late)
        {
            body.Add(new TextBlock
            {
                Text = lang.Text("MdoCards.thisNoticeComesLaterThanPlanned"),
                IsSubtle = true,
            });
        }

        var current = mdo.State == MdoState.Running && mdo.CurrentCaseId == c.Id;
        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = text,
            Speak = text,
            Body = body,
            Actions = current ? [MdoButtons.Extend(mdo, c.Id, lang), MdoButtons.Next(mdo, c.Id, lang)] : null,
        };
    }
}
