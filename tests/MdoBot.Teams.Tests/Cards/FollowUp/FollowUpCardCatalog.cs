using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards.FollowUp;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams.Tests.Cards.Mdo;
using static MdoBot.Teams.Tests.Cards.Mdo.MdoSamples;

namespace MdoBot.Teams.Tests.Cards.FollowUp;

/// <summary>Every follow-up card, by golden-file name (followup.&lt;name&gt;.json).</summary>
internal static class FollowUpCardCatalog
{
    private const Language Nl = Language.Dutch;
    private const Language En = Language.English;

    private static readonly Dictionary<string, Func<AdaptiveCard>> Cards = new()
    {
        ["reminder.nl"] = () => Reminder("a4", ReminderKind.BeforeDue, Nl),
        ["reminder.en"] = () => Reminder("a4", ReminderKind.BeforeDue, En),
        ["reminder.due.nl"] = () => Reminder("a4", ReminderKind.DueToday, Nl),
        ["reminder.due.en"] = () => Reminder("a4", ReminderKind.DueToday, En),
        ["reminder.done.nl"] = () => Reminder("a1", ReminderKind.BeforeDue, Nl),
        ["reminder.done.en"] = () => Reminder("a1", ReminderKind.BeforeDue, En),
        ["reminder.dropped.nl"] = DroppedReminder,
        ["overdue.nl"] = () => Overdue(toChair: false, Nl),
        ["overdue.en"] = () => Overdue(toChair: false, En),
        ["overdue.chair.nl"] = () => Overdue(toChair: true, Nl),
        ["case.nl"] = () => Case("c1", Nl),
        ["case.en"] = () => Case("c2", En),
        ["case.closed.nl"] = () => Case("c1", Nl, closed: true),
    };

    public static IEnumerable<string> Names => Cards.Keys;

    public static AdaptiveCard Get(string name) => Cards[name]();

    public static AdaptiveCard Reminder(string actionId, ReminderKind kind, Language lang)
    {
        var mdo = Build(MdoStage.Closed);
        var action = mdo.FindAction(actionId)!;
        return ReminderCard.Build(mdo, action, mdo.FindCase(action.CaseId)!.Code, kind, lang, Amsterdam);
    }

    public static AdaptiveCard Case(string caseId, Language lang, bool closed = false)
    {
        var mdo = FollowUpSamples.Current(closed);
        var c = mdo.FindCase(caseId)!;
        return CaseCard.Build(mdo, c, Members, lang, FollowUpSamples.Now, Amsterdam, mdo.CurrentClock(), FollowUpSamples.FollowUp(mdo).OpenFor(c.Code));
    }

    private static AdaptiveCard DroppedReminder()
    {
        var mdo = Build(MdoStage.Closed);
        mdo.MarkActionDropped(Chair, "a4", At(60));
        return ReminderCard.Build(mdo, mdo.FindAction("a4")!, "Gezin A", ReminderKind.BeforeDue, Nl, Amsterdam);
    }

    private static AdaptiveCard Overdue(bool toChair, Language lang)
    {
        var mdo = Build(MdoStage.Closed);
        var action = mdo.FindAction("a4")!;
        return OverdueCard.Build(mdo, action, "Gezin A", toChair, lang);
    }
}
