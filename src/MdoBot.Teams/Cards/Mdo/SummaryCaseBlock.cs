using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>One case of the summary, and the action lines.</summary>
internal static class SummaryCaseBlock
{
    public static Container Case(CaseSummary c, Language lang, TimeZoneInfo tz, SummaryLayout layout)
    {
        var items = new List<CardElement>
        {
            new TextBlock { Text = $"**{c.Code}**" },
            MdoTexts.Subtle(c.WasDiscussed
                ? lang.Text("MdoCards.time") + TimeFigures.Line(c.TimeBoxMinutes, c.ExtensionMinutes, c.UsedMinutes, lang)
                : lang.Text("MdoCards.notDiscussed2") + TimeFigures.Planned(c.TimeBoxMinutes, c.ExtensionMinutes, lang) + ")"),
        };
        if (c.WasDiscussed || c.SharedGoal is not null || c.Decisions is not null || c.CaseLead is not null)
        {
            var facts = CaseOutcome.Facts(
                CardBudget.ClipOrNull(c.SharedGoal, layout.MaxText), CardBudget.ClipOrNull(c.Decisions, layout.MaxText), c.CaseLead, lang);
            items.Add(new FactSet { Facts = facts });
        }

        items.AddRange(Lines(
            [.. c.Actions.Select(a => (a.IsUnconfirmed ? "⚠ " : "• ") + Line(a, lang, tz, layout.MaxText))],
            [.. c.Actions.Select(a => a.IsUnconfirmed)],
            layout.Merge));
        return new Container { Separator = true, Spacing = "Medium", Items = items };
    }

    /// <summary>One TextBlock per line (flagged lines in attention colour), or all lines in one TextBlock when merged.</summary>
    public static IEnumerable<TextBlock> Lines(IReadOnlyList<string> lines, IReadOnlyList<bool>? flagged, bool merge)
    {
        if (lines.Count == 0)
        {
            return [];
        }

        return merge
            ? [new TextBlock { Text = string.Join("\n\n", lines), Spacing = "Small" }]
            : lines.Select((line, i) => new TextBlock { Text = line, Color = flagged?[i] == true ? "attention" : null, Spacing = "Small" });
    }

    /// <summary>The flagged actions counted per case ("Gezin A (2), Gezin C (1)"); the lines themselves are under each case.</summary>
    public static TextBlock BriefFlags(IReadOnlyList<ActionSummary> unconfirmed, Language lang) => new()
    {
        Text = string.Join(", ", unconfirmed.GroupBy(a => a.CaseCode).Select(g => $"{g.Key} ({g.Count()})"))
            + lang.Text("MdoCards.markedWithUnderTheCasesBelow"),
        Spacing = "Small",
    };

    /// <summary>"Beschrijving — Naam, vóór 19-3-2026 — bevestigd op 12-3-2026".</summary>
    public static string Line(ActionSummary a, Language lang, TimeZoneInfo tz, int maxText)
    {
        var status = MdoTexts.ActionStatusText(a.Status, CardBudget.ClipOrNull(a.DeclineReason, maxText), lang);
        if (a.Status == ActionStatus.Confirmed && a.RespondedAt is { } at)
        {
            status += lang.Text("MdoCards.on") + MdoFormat.Date(at, tz, lang);
        }

        return MdoTexts.ActionLine(CardBudget.Clip(a.Description, maxText), a.Owner.Name, a.DueDate, status, lang);
    }
}
