using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.FollowUp;

/// <summary>
/// "Open acties van vorige keer" at the top of a returning case's card: each open action of an
/// earlier MDO with Done / Still open / Drop for its owner or a chair (read-only once the MDO is closed).
/// </summary>
public static class FollowUpSection
{
    /// <summary>At most this many actions get a row; the rest are counted.</summary>
    public const int MaxRows = 8;

    public static Container Build(
        MdoMeeting current, MdoCase c, IReadOnlyList<EarlierAction> open, Language lang, DateTimeOffset now, TimeZoneInfo tz, int maxText)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(open);
        var readOnly = current.State == MdoState.Closed;
        var today = MdoFormat.LocalDate(now, tz);
        var items = new List<CardElement>
        {
            new TextBlock { Text = lang.Text("FollowUpCards.openActionsFromLastTime"), Weight = "Bolder" },
            new TextBlock
            {
                Text = readOnly
                    ? lang.Text("FollowUpCards.statusWhenThisMdoWasClosed")
                    : lang.Text("FollowUpCards.howAreTheyDoingTheOwner"),
                IsSubtle = true,
                Spacing = "None",
            },
        };
        foreach (var e in open.Take(MaxRows))
        {
            items.Add(Line(e, lang, today, tz, maxText));
            if (!readOnly)
            {
                items.Add(Buttons(current, c, e, lang));
            }
        }

        if (open.Count > MaxRows)
        {
            var more = open.Count - MaxRows;
            items.Add(new TextBlock { Text = lang.Text("FollowUpCards.andMoreOpenActions", ("more", more)), IsSubtle = true, Spacing = "Small" });
        }

        return new Container { Style = "emphasis", Items = items };
    }

    private static TextBlock Line(EarlierAction e, Language lang, DateOnly today, TimeZoneInfo tz, int maxText)
    {
        var a = e.Action;
        var overdue = a.DueDate < today;
        var status = a.StillOpenAt is { } checkedAt
            ? lang.Text("FollowUpCards.stillOpenUpdated", ("value", MdoFormat.Date(checkedAt, tz, lang)))
            : MdoTexts.ActionStatusText(a.Status, null, lang);
        var line = MdoTexts.ActionLine(CardBudget.Clip(a.Description, maxText), a.Owner.Name, a.DueDate, status, lang);
        return new TextBlock
        {
            Text = $"• {line}{(overdue ? lang.Text("FollowUpCards.overdue") : "")} ({lang.Text("FollowUpCards.mdoOf")} {MdoFormat.Date(e.HeldAt, tz, lang)})",
            Color = overdue ? "attention" : null,
            Spacing = "Small",
        };
    }

    private static ActionSet Buttons(MdoMeeting current, MdoCase c, EarlierAction e, Language lang) => new()
    {
        Spacing = "Small",
        Actions =
        [
            Button(current, c, e, CardVerbs.FollowUpDone, lang.Text("FollowUpCards.done"), "positive"),
            Button(current, c, e, CardVerbs.FollowUpStillOpen, lang.Text("FollowUpCards.stillOpen"), null),
            Button(current, c, e, CardVerbs.FollowUpDropped, lang.Text("FollowUpCards.drop"), "destructive"),
        ],
    };

    private static ExecuteAction Button(MdoMeeting current, MdoCase c, EarlierAction e, string verb, string title, string? style) => new()
    {
        Title = title,
        Verb = verb,
        Style = style,
        Data = new FollowUpActionData(verb, e.MdoId, e.Action.Id, current.Id, c.Id),
        AssociatedInputs = MdoButtons.NoInputs,
    };
}
