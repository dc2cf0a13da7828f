using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>
/// The agenda as everyone sees it during the meeting: done (with time used), current (with its
/// clock), next and later cases, and the chair's Start / Next / Extend / Close buttons.
/// </summary>
public static class LiveAgendaCard
{
    public static AdaptiveCard Build(
        MdoMeeting mdo, Language lang, DateTimeOffset now, TimeZoneInfo tz, IReadOnlySet<string>? returningCaseCodes = null)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        ArgumentNullException.ThrowIfNull(tz);
        var body = new List<CardElement> { MdoTexts.Title(lang.Text("MdoCards.agenda")) };
        if (mdo.HasOwnTitle)
        {
            body.Add(new TextBlock { Text = mdo.Title, Weight = "Bolder", Spacing = "None" }); // "Agenda / MDO" would say nothing
        }

        body.Add(new TextBlock { Text = StateLine(mdo, lang, tz), IsSubtle = true, Spacing = "None" });
        if (mdo.Cases.Count == 0)
        {
            body.Add(new TextBlock { Text = lang.Text("MdoCards.thereAreNoCasesOnThe"), IsSubtle = true });
        }

        var next = mdo.NextPlannedCase;
        var clock = mdo.CurrentClock();
        body.AddRange(mdo.Cases.Select((c, i) => Row(mdo, c, i, next, clock, lang, now, returningCaseCodes)));
        body.Add(mdo.State == MdoState.Closed ? UsedLine(mdo, lang) : MdoTexts.Fit(mdo.FitCheck(), lang));
        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = lang.Text("MdoCards.agendaOf", ("title", mdo.Title)),
            Body = body,
            Actions = Buttons(mdo, lang),
        };
    }

    private static string StateLine(MdoMeeting mdo, Language lang, TimeZoneInfo tz) => mdo.State switch
    {
        MdoState.Running => lang.Text("MdoCards.statusInProgress")
            + (mdo.StartedAt is { } started ? lang.Text("MdoCards.since") + MdoFormat.Time(started, tz) : ""),
        MdoState.Closed => lang.Text("MdoCards.statusClosed")
            + (mdo.ClosedAt is { } closed ? lang.Text("MdoCards.at") + MdoFormat.Time(closed, tz) : ""),
        _ => lang.Text("MdoCards.statusPlanned")
            + (AgendaEditorCard.ScheduleLine(mdo, lang, tz) is { } schedule ? " · " + schedule : ""),
    };

    private static TextBlock UsedLine(MdoMeeting mdo, Language lang)
    {
        var used = MdoFormat.RoundMinutes(mdo.Cases.Sum(c => c.UsedSeconds));
        var planned = mdo.Cases.Sum(c => c.PlannedMinutes);
        return new TextBlock { Text = lang.Text("MdoCards.totalPlannedMinUsedMin", ("planned", planned), ("used", used)), Weight = "Bolder" };
    }

    private static TextBlock Row(
        MdoMeeting mdo, MdoCase c, int index, MdoCase? next, CaseClock? clock, Language lang, DateTimeOffset now, IReadOnlySet<string>? returning)
    {
        var label = $"{index + 1}. {c.Code}";
        var returningMark = returning?.Contains(c.Code) == true ? lang.Text("MdoCards.returningCase") : "";
        return c.Status switch
        {
            CaseStatus.Done => new TextBlock
            {
                Text = $"✓ {label} — {lang.Text("MdoCards.discussed2")}, {MdoFormat.Minutes(MdoFormat.UsedMinutes(c), c.PlannedMinutes, lang)}{returningMark}",
                IsSubtle = true,
            },
            CaseStatus.Current => new TextBlock
            {
                Text = $"▶ **{label}** — {lang.Text("MdoCards.now2")}, "
                    + (clock is not null && clock.CaseId == c.Id ? MdoFormat.Minutes(clock.Minutes(now), lang) : $"{c.PlannedMinutes} min")
                    + returningMark,
                Color = "accent",
            },
            _ when mdo.State == MdoState.Closed => new TextBlock
            {
                Text = $"– {label} — {lang.Text("MdoCards.notDiscussed")}{returningMark}",
                IsSubtle = true,
            },
            _ => new TextBlock
            {
                Text = $"{(c == next ? "→" : "·")} {label} — "
                    + (c != next ? lang.Text("MdoCards.later")
                        : mdo.State == MdoState.Planned ? lang.Text("MdoCards.first") : lang.Text("MdoCards.next"))
                    + $", {c.PlannedMinutes} min{returningMark}",
            },
        };
    }

    private static List<CardAction>? Buttons(MdoMeeting mdo, Language lang)
    {
        switch (mdo.State)
        {
            case MdoState.Planned when mdo.Cases.Count > 0:
                return [MdoButtons.Start(mdo, lang)];
            case MdoState.Running:
                var actions = new List<CardAction>();
                if (mdo.CurrentCaseId is { } current)
                {
                    actions.Add(MdoButtons.Next(mdo, current, lang));
                    actions.Add(MdoButtons.Extend(mdo, current, lang));
                }

                actions.Add(MdoButtons.Meeting(mdo, CardVerbs.Close, lang.Text("MdoCards.close")));
                return actions;
            default:
                return null;
        }
    }
}
