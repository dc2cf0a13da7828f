using System.Globalization;
using System.Net;
using System.Text;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Documents;

/// <summary>
/// The summary of an MDO or of one case as Markdown (copy-ready for a professional's own file) and
/// as simple HTML (for e-mail). Only what was recorded is written.
/// </summary>
public static class SummaryText
{
    public static string Markdown(Mdo mdo, Language lang, TimeZoneInfo tz, Func<MdoCase, string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(lang.Text("Documents.mdoSummary")).AppendLine();
        if (mdo.StartedAt is { } started)
        {
            sb.AppendLine(MdoFormat.Date(started, tz, lang)).AppendLine();
        }

        var unconfirmed = mdo.Cases.SelectMany(c => c.Actions.Where(a => a.IsUnconfirmed).Select(a => (c, a))).ToList();
        if (unconfirmed.Count > 0)
        {
            sb.Append("## ").AppendLine(lang.Text("Documents.unconfirmedActions")).AppendLine();
            foreach (var (c, a) in unconfirmed)
            {
                sb.Append("- ").Append(c.Code).Append(": ").Append(a.Description).Append(" (").Append(a.Owner.Name).AppendLine(")");
            }

            sb.AppendLine();
        }

        foreach (var c in mdo.Cases)
        {
            sb.Append(CaseMarkdown(mdo, c, lang, tz, level: 2));
            if (extra?.Invoke(c) is { } more)
            {
                sb.AppendLine(more).AppendLine();
            }
        }

        var totals = mdo.Summary();
        sb.Append(lang.Text("Documents.total"))
            .AppendLine(TimeFigures.Line(totals.TimeBoxMinutes, totals.ExtensionMinutes, totals.UsedMinutes, lang));
        return sb.ToString();
    }

    /// <summary>
    /// One case, for <c>export &lt;code&gt;</c>: every block (heading, field, list, time) ends with a blank line,
    /// so the paragraphs stay apart when pasted into a Markdown editor.
    /// </summary>
    public static string CaseMarkdown(Mdo mdo, MdoCase c, Language lang, TimeZoneInfo tz, int level = 1)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        ArgumentNullException.ThrowIfNull(c);
        var sb = new StringBuilder();
        sb.Append('#', level).Append(' ').AppendLine(c.Code).AppendLine();
        Line(sb, lang.Text("Documents.question"), c.Question);
        Line(sb, lang.Text("Documents.whatTheFamilyWants"), c.FamilyView.WhatTheyWant);
        Line(sb, lang.Text("Documents.whatTheFamilyCanDo"), c.FamilyView.WhatTheyCanDoThemselves);
        Line(sb, lang.Text("Documents.whatTheFamilyNeeds"), c.FamilyView.WhatTheyNeed);
        Line(sb, lang.Text("Documents.sharedGoal"), c.SharedGoal);
        Line(sb, lang.Text("Documents.decisions"), c.Decisions);
        Line(sb, lang.Text("Documents.caseLead"), c.CaseLead?.Name);
        if (c.Actions.Count > 0)
        {
            sb.AppendLine(lang.Text("Documents.actions2")).AppendLine();
            foreach (var a in c.Actions)
            {
                sb.Append("- ").Append(a.Description).Append(" — ").Append(a.Owner.Name).Append(", ")
                    .Append(lang.Text("Documents.by")).Append(MdoFormat.Date(a.DueDate, lang)).Append(" (").Append(MdoTexts.ActionStatusText(a.Status, a.DeclineReason, lang)).AppendLine(")");
            }

            sb.AppendLine();
        }

        var used = MdoFormat.RoundMinutes(c.UsedSeconds);
        sb.Append(lang.Text("Documents.time")).AppendLine(TimeFigures.Line(c.TimeBoxMinutes, c.ExtensionMinutes, used, lang)).AppendLine();
        return sb.ToString();
    }

    /// <summary>Markdown → minimal, safe HTML (every text is HTML-encoded).</summary>
    public static string Html(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var sb = new StringBuilder("<html><body style=\"font-family:Segoe UI,Arial,sans-serif\">");
        var inList = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var isItem = line.StartsWith("- ", StringComparison.Ordinal);
            if (inList && !isItem)
            {
                sb.Append("</ul>");
                inList = false;
            }

            if (line.StartsWith('#'))
            {
                var level = Math.Min(line.TakeWhile(ch => ch == '#').Count(), 3);
                sb.Append($"<h{level}>").Append(WebUtility.HtmlEncode(line.TrimStart('#').Trim())).Append($"</h{level}>");
            }
            else if (isItem)
            {
                sb.Append(inList ? string.Empty : "<ul>").Append("<li>").Append(WebUtility.HtmlEncode(line[2..])).Append("</li>");
                inList = true;
            }
            else if (line.Length > 0)
            {
                sb.Append("<p>").Append(WebUtility.HtmlEncode(line.Replace("**", string.Empty, StringComparison.Ordinal))).Append("</p>");
            }
        }

        return sb.Append(inList ? "</ul>" : string.Empty).Append("</body></html>").ToString();
    }

    /// <summary>A multi-line value (e.g. decisions) keeps its lines apart: one paragraph each.</summary>
    private static string Paragraphs(string value) =>
        string.Join("\n\n", value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static void Line(StringBuilder sb, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            sb.Append("**").Append(label).Append(":** ").AppendLine(Paragraphs(value)).AppendLine();
        }
    }
}
