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
                    Title = lang.Pick("Gedaan", "Done"),
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
        ActionStatus.Confirmed when kind == ReminderKind.DueToday => lang.Pick("Je actie moet vandaag klaar zijn", "Your action is due today"),
        ActionStatus.Confirmed => lang.Pick(
            $"Herinnering: je actie moet uiterlijk {MdoFormat.Date(a.DueDate, lang)} klaar zijn",
            $"Reminder: your action is due {MdoFormat.Date(a.DueDate, lang)}"),
        ActionStatus.Done => lang.Pick("Actie afgerond", "Action done"),
        ActionStatus.Dropped => lang.Pick("Actie vervallen", "Action dropped"),
        _ => lang.Pick("Actie", "Action"),
    };

    private static TextBlock Status(MdoAction a, Language lang, TimeZoneInfo tz) => a.Status switch
    {
        ActionStatus.Confirmed => new TextBlock
        {
            Text = lang.Pick(
                "Klaar? Druk op Gedaan; de actiekaart in de vergaderchat wordt dan voor iedereen bijgewerkt.",
                "Finished? Press Done; the action card in the meeting chat is then updated for everyone."),
            IsSubtle = true,
        },
        ActionStatus.Done => new TextBlock
        {
            Text = "✓ " + lang.Pick("Gedaan", "Done") + (a.DoneAt is { } done ? lang.Pick(" op ", " on ") + MdoFormat.Date(done, tz, lang) : ""),
            Color = "good",
            Weight = "Bolder",
        },
        ActionStatus.Dropped => new TextBlock
        {
            Text = lang.Pick("Vervallen", "Dropped") + (a.DoneAt is { } dropped ? lang.Pick(" op ", " on ") + MdoFormat.Date(dropped, tz, lang) : ""),
            IsSubtle = true,
        },
        _ => new TextBlock { Text = lang.Pick("Deze actie staat niet meer open.", "This action is no longer open."), IsSubtle = true },
    };
}
