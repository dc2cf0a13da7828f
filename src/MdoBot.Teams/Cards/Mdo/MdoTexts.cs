using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>Texts and small elements shared by the MDO cards.</summary>
internal static class MdoTexts
{
    public static TextBlock Title(string text) => new() { Text = text, Size = "Large", Weight = "Bolder" };

    public static TextBlock Heading(string text, string spacing = "Medium") => new() { Text = text, Weight = "Bolder", Spacing = spacing };

    public static TextBlock Subtle(string text) => new() { Text = text, IsSubtle = true, Spacing = "None" };

    public static TextBlock Attention(string text) => new() { Text = text, Color = "attention", Weight = "Bolder" };

    /// <summary>Short status of an action: "voorgesteld", "bevestigd", "niet haalbaar: …", "overgedragen", "gedaan".</summary>
    public static string ActionStatusText(ActionStatus status, string? declineReason, Language lang) => status switch
    {
        ActionStatus.Proposed => lang.Pick("nog niet bevestigd", "not yet confirmed"),
        ActionStatus.Confirmed => lang.Pick("bevestigd", "confirmed"),
        ActionStatus.Declined => lang.Pick("niet haalbaar", "not feasible") + (declineReason is null ? "" : $": {declineReason}"),
        ActionStatus.Reassigned => lang.Pick("overgedragen", "reassigned"),
        ActionStatus.Dropped => lang.Pick("vervallen", "dropped"),
        _ => lang.Pick("gedaan", "done"),
    };

    /// <summary>"Beschrijving — Naam, vóór 12-3-2026 — bevestigd".</summary>
    public static string ActionLine(string description, string ownerName, DateOnly due, string status, Language lang) =>
        $"{description} — {ownerName}, {lang.Pick("vóór", "by")} {MdoFormat.Date(due, lang)} — {status}";

    /// <summary>Planned-time line of the agenda against the meeting length.</summary>
    public static CardElement Fit(FitCheck fit, Language lang)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (fit.MeetingMinutes is not { } meeting)
        {
            return Warning(lang.Pick(
                $"Gepland {fit.PlannedMinutes} min. De vergaderduur is onbekend: stel die in om te zien of de agenda past.",
                $"Planned {fit.PlannedMinutes} min. The meeting length is unknown: set it to check that the agenda fits."));
        }

        var planned = lang.Pick($"Gepland {fit.PlannedMinutes} van {meeting} min", $"Planned {fit.PlannedMinutes} of {meeting} min");
        return fit.Fits
            ? new TextBlock { Text = planned + lang.Pick(" — past", " — fits"), Color = "good" }
            : new TextBlock
            {
                Text = planned + lang.Pick($" — past niet: {fit.OverByMinutes} min te veel", $" — does not fit: {fit.OverByMinutes} min too many"),
                Color = "attention",
                Weight = "Bolder",
            };
    }

    /// <summary>
    /// A warning that must be read (time almost up, text not plain yet): dark bold text on the warning background,
    /// instead of yellow text, which has too little contrast on a light theme.
    /// </summary>
    public static Container Warning(string text) => new()
    {
        Style = "warning",
        Spacing = "Small",
        Items = [new TextBlock { Text = text, Weight = "Bolder" }],
    };

    public static string CaseStatusText(CaseStatus status, Language lang) => status switch
    {
        CaseStatus.Current => lang.Pick("nu aan de beurt", "now being discussed"),
        CaseStatus.Done => lang.Pick("besproken", "discussed"),
        _ => lang.Pick("gepland", "planned"),
    };
}
