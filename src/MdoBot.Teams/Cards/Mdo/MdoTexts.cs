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
        ActionStatus.Proposed => lang.Text("MdoCards.notYetConfirmed"),
        ActionStatus.Confirmed => lang.Text("MdoCards.confirmed"),
        ActionStatus.Declined => lang.Text("MdoCards.notFeasible") + (declineReason is null ? "" : $": {declineReason}"),
        ActionStatus.Reassigned => lang.Text("MdoCards.reassigned2"),
        ActionStatus.Dropped => lang.Text("MdoCards.dropped2"),
        _ => lang.Text("MdoCards.done2"),
    };

    /// <summary>"Beschrijving — Naam, vóór 12-3-2026 — bevestigd".</summary>
    public static string ActionLine(string description, string ownerName, DateOnly due, string status, Language lang) =>
        $"{description} — {ownerName}, {lang.Text("MdoCards.by")} {MdoFormat.Date(due, lang)} — {status}";

    /// <summary>Planned-time line of the agenda against the meeting length.</summary>
    public static CardElement Fit(FitCheck fit, Language lang)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (fit.MeetingMinutes is not { } meeting)
        {
            return Warning(lang.Text("MdoCards.plannedMinTheMeetingLengthIs", ("plannedMinutes", fit.PlannedMinutes)));
        }

        var planned = lang.Text("MdoCards.plannedOfMin", ("plannedMinutes", fit.PlannedMinutes), ("meeting", meeting));
        return fit.Fits
            ? new TextBlock { Text = planned + lang.Text("MdoCards.fits"), Color = "good" }
            : new TextBlock
            {
                Text = planned + lang.Text("MdoCards.doesNotFitMinTooMany", ("overByMinutes", fit.OverByMinutes)),
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
        CaseStatus.Current => lang.Text("MdoCards.nowBeingDiscussed"),
        CaseStatus.Done => lang.Text("MdoCards.discussed2"),
        _ => lang.Text("MdoCards.planned"),
    };
}
