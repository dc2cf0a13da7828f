using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.FollowUp;

/// <summary>
/// The owner's reminder in their 1:1 chat: the action, its due date, case and MDO, with Done while the
/// action is confirmed. Once done (or dropped) the same card shows that instead, without the button.
/// </summary>
public static class ReminderCard
{
    public static AdaptiveCard Build(MdoMeeting mdo, MdoAction a, string caseCode, ReminderKind kind, Language lang, TimeZoneInfo tz)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(tz);
        var open = a.Status == ActionStatus.Confirmed;
        var title = Title(a, kind, lang);
        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = $"{title}: {a.Description}",
            Body =
            [
                new TextBlock { Text = title, Size = "Medium", Weight = "Bolder" },
                ActionFacts.For(mdo, a, caseCode, lang, withOwner: false),
                Status(a, lang, tz),
            ],
            Actions = open
                ? [new ExecuteAction
                {
                    Title = lang.Text("FollowUpCards.done"),
                    Verb = CardVerbs.MarkActionDone,
                    Style = "positive",
                    Data = new ActionCardData(CardVerbs.MarkActionDone, mdo.Id, a.Id),
                    AssociatedInputs = MdoButtons.NoInputs,
                }]
                : null,
        };
    }

    private static string Title(MdoAction a, ReminderKind kind, Language lang) => a.Status switch
    {
        ActionStatus.Confirmed when kind == ReminderKind.DueToday => lang.Text("FollowUpCards.yourActionIsDueToday"),
        ActionStatus.Confirmed => lang.Text("FollowUpCards.reminderYourActionIsDue", ("value", MdoFormat.Date(a.DueDate, lang))),
        ActionStatus.Done => lang.Text("FollowUpCards.actionDone"),
        ActionStatus.Dropped => lang.Text("FollowUpCards.actionDropped"),
        _ => lang.Text("FollowUpCards.action"),
    };

    private static TextBlock Status(MdoAction a, Language lang, TimeZoneInfo tz) => a.Status switch
    {
        ActionStatus.Confirmed => new TextBlock
        {
            Text = lang.Text("FollowUpCards.finishedPressDoneTheActionCard"),
            IsSubtle = true,
        },
        ActionStatus.Done => new TextBlock
        {
            Text = "✓ " + lang.Text("FollowUpCards.done") + (a.DoneAt is { } done ? lang.Text("FollowUpCards.on") + MdoFormat.Date(done, tz, lang) : ""),
            Color = "good",
            Weight = "Bolder",
        },
        ActionStatus.Dropped => new TextBlock
        {
            Text = lang.Text("FollowUpCards.dropped") + (a.DoneAt is { } dropped ? lang.Text("FollowUpCards.on") + MdoFormat.Date(dropped, tz, lang) : ""),
            IsSubtle = true,
        },
        _ => new TextBlock { Text = lang.Text("FollowUpCards.thisActionIsNoLongerOpen"), IsSubtle = true },
    };
}
