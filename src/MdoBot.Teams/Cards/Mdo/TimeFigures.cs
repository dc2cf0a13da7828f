using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>
/// Honest time figures: the original time box, the extensions on top of it, and the time used —
/// never one "planned" figure that silently includes the extensions.
/// </summary>
public static class TimeFigures
{
    /// <summary>"tijdvak 20 min + 5 min verlenging" / "time box 20 min + 5 min extension" (no extension part when 0).</summary>
    public static string Planned(int timeBoxMinutes, int extensionMinutes, Language lang) =>
        lang.Text("MdoCards.timeBoxMin", ("timeBoxMinutes", timeBoxMinutes))
        + (extensionMinutes > 0 ? lang.Text("MdoCards.minExtension", ("extensionMinutes", extensionMinutes)) : "");

    /// <summary>"tijdvak 20 min + 5 min verlenging, gebruikt 32 min".</summary>
    public static string Line(int timeBoxMinutes, int extensionMinutes, int usedMinutes, Language lang) =>
        Planned(timeBoxMinutes, extensionMinutes, lang) + lang.Text("MdoCards.usedMin", ("usedMinutes", usedMinutes));

    public static string TimeBoxLegend(Language lang) => lang.Text("MdoCards.timeBox");

    public static string ExtensionLegend(Language lang) => lang.Text("MdoCards.extension");

    public static string UsedLegend(Language lang) => lang.Text("MdoCards.used");
}
