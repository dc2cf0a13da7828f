using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>
/// The read-only summary: unconfirmed actions first (flagged), then per case the shared goal,
/// decisions, case lead, who does what, and the time box, extensions and time used; then the totals.
/// When that would not fit in one card, long texts are shortened (and, as a last resort, the
/// last cases left out with a note).
/// </summary>
public static class SummaryCard
{
    public static AdaptiveCard Build(MdoMeeting mdo, Language lang, TimeZoneInfo tz, IReadOnlyList<MdoFlow.Lookups.AttendanceLine>? attendance = null)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        ArgumentNullException.ThrowIfNull(tz);
        var summary = mdo.Summary();
        var levels = 5 + ((summary.Cases.Count + 2) / 3);
        return CardBudget.Fit(levels, level => WithAttendance(Render(summary, mdo.CreatedAt, lang, tz, SummaryLayout.For(level, summary.Cases.Count)), attendance, lang));
    }

    private static AdaptiveCard Render(MdoSummary summary, DateTimeOffset createdAt, Language lang, TimeZoneInfo tz, SummaryLayout layout)
    {
        var body = new List<CardElement> { MdoTexts.Title(lang.Text("MdoCards.summary")) };
        if (!string.Equals(summary.Title, MdoMeeting.DefaultTitle, StringComparison.OrdinalIgnoreCase))
        {
            body.Add(new TextBlock { Text = summary.Title, Weight = "Bolder", Spacing = "None" }); // "Summary / MDO" would say nothing
        }

        body.Add(MdoTexts.Subtle(DateLine(summary, createdAt, lang, tz)));
        if (summary.UnconfirmedActions.Count > 0)
        {
            var items = new List<CardElement>
            {
                MdoTexts.Attention(lang.Text("MdoCards.notConfirmedYet", ("unconfirmedActionsCount", summary.UnconfirmedActions.Count))),
            };
            items.AddRange(layout.BriefFlags
                ? [SummaryCaseBlock.BriefFlags(summary.UnconfirmedActions, lang)]
                : SummaryCaseBlock.Lines(
                    [.. summary.UnconfirmedActions.Select(a => $"⚠ {a.CaseCode}: {SummaryCaseBlock.Line(a, lang, tz, layout.MaxText)}")], null, layout.Merge));
            body.Add(new Container { Style = "attention", Spacing = "Medium", Items = items });
        }

        body.AddRange(summary.Cases.Take(layout.CaseLimit).Select(c => SummaryCaseBlock.Case(c, lang, tz, layout)));
        if (summary.Cases.Count > layout.CaseLimit)
        {
            var left = summary.Cases.Count - layout.CaseLimit;
            body.Add(MdoTexts.Subtle(lang.Text("MdoCards.andMoreCasesThatDoNot", ("left", left))));
        }

        if (summary.Cases.Count > 0)
        {
            body.Add(TimeChart(summary, lang));
        }

        body.Add(new TextBlock
        {
            Text = lang.Text("MdoCards.total") + TimeFigures.Line(summary.TimeBoxMinutes, summary.ExtensionMinutes, summary.UsedMinutes, lang),
            Weight = "Bolder",
            Separator = true,
            Spacing = "Medium",
        });
        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = lang.Text("MdoCards.summaryOf", ("title", summary.Title)),
            Body = body,
        };
    }

    /// <summary>Who attended and for how long (from the Teams attendance report), when available.</summary>
    private static AdaptiveCard WithAttendance(AdaptiveCard card, IReadOnlyList<MdoFlow.Lookups.AttendanceLine>? attendance, Language lang)
    {
        if (attendance is not { Count: > 0 })
        {
            return card;
        }

        card.Body.Add(MdoTexts.Heading(lang.Text("MdoCards.attended", ("attendanceCount", attendance.Count))));
        card.Body.Add(new FactSet { Facts = [.. attendance.Take(40).Select(a => new Fact(a.Name, $"{a.Minutes} min"))] });
        return card;
    }

    /// <summary>Time box, extensions (when any) and time used per case as a Teams chart, with a FactSet for clients without charts.</summary>
    internal static GroupedBarChart TimeChart(MdoSummary summary, Language lang)
    {
        var cases = summary.Cases.Take(12).ToList();
        return new GroupedBarChart
        {
            Title = lang.Text("MdoCards.timePerCaseMinutes"),
            Spacing = "Medium",
            Data =
            [
                new ChartSeries { Legend = TimeFigures.TimeBoxLegend(lang), Values = [.. cases.Select(c => new ChartPoint(AxisLabel(c, lang), c.TimeBoxMinutes))] },
                .. cases.Any(c => c.ExtensionMinutes > 0)
                    ? [new ChartSeries { Legend = TimeFigures.ExtensionLegend(lang), Values = [.. cases.Select(c => new ChartPoint(AxisLabel(c, lang), c.ExtensionMinutes))] }]
                    : Array.Empty<ChartSeries>(),
                new ChartSeries { Legend = TimeFigures.UsedLegend(lang), Values = [.. cases.Select(c => new ChartPoint(AxisLabel(c, lang), c.UsedMinutes))] },
            ],
            Fallback = new FactSet
            {
                Facts = [.. cases.Select(c => new Fact(c.Code, TimeFigures.Line(c.TimeBoxMinutes, c.ExtensionMinutes, c.UsedMinutes, lang)))],
            },
        };
    }

    /// <summary>A bar of 0 cannot be seen: such a case says "0 min used" under its bars.</summary>
    private static string AxisLabel(CaseSummary c, Language lang) =>
        c.UsedMinutes == 0 ? c.Code + lang.Text("MdoCards.0MinUsed") : c.Code;

    private static string DateLine(MdoSummary s, DateTimeOffset createdAt, Language lang, TimeZoneInfo tz)
    {
        var line = s.StartedAt is { } start
            ? MdoFormat.DateTime(start, tz, lang) + (s.ClosedAt is { } end ? $"–{MdoFormat.Time(end, tz)}" : "")
            : MdoFormat.Date(s.ClosedAt ?? createdAt, tz, lang);
        return s.State == MdoState.Closed ? line : line + lang.Text("MdoCards.notClosedYet");
    }
}

/// <summary>How compact the summary is rendered: text length, merged lines, flagged actions per case only, how many cases.</summary>
internal sealed record SummaryLayout(int MaxText, bool Merge, bool BriefFlags, int CaseLimit)
{
    public static SummaryLayout For(int level, int cases) => level switch
    {
        0 => new(int.MaxValue, false, false, cases),
        1 => new(200, false, false, cases),
        2 => new(80, true, false, cases),
        3 => new(40, true, false, cases),
        4 => new(40, true, true, cases),
        _ => new(40, true, true, Math.Max(1, cases - ((level - 4) * 3))),
    };
}
