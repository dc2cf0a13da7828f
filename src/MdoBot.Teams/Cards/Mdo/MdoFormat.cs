using System.Globalization;
using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>
/// Dates, times and minutes as MdoBot shows them: d-M-yyyy (Dutch) or d MMM yyyy (English),
/// HH:mm in the given time zone. Invariant-culture based, so the machine culture never matters.
/// </summary>
public static class MdoFormat
{
    public static string Date(DateOnly date, Language lang) =>
        date.ToString(lang.Text("MdoCards.dMmmYyyy"), CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset moment, TimeZoneInfo tz, Language lang) =>
        Date(LocalDate(moment, tz), lang);

    public static string Time(DateTimeOffset moment, TimeZoneInfo tz) =>
        Local(moment, tz).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"12-3-2026 om 14:05" / "12 Mar 2026 at 14:05".</summary>
    public static string DateTime(DateTimeOffset moment, TimeZoneInfo tz, Language lang) =>
        lang.Text("MdoCards.at2", ("value", Date(moment, tz, lang)), ("value2", Time(moment, tz)));

    public static DateOnly LocalDate(DateTimeOffset moment, TimeZoneInfo tz) => DateOnly.FromDateTime(Local(moment, tz).DateTime);

    /// <summary>The value format of Input.Date: yyyy-MM-dd.</summary>
    public static string InputDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"12 van 20 min" / "12 of 20 min".</summary>
    public static string Minutes(int used, int planned, Language lang) =>
        lang.Text("MdoCards.ofMin", ("used", used), ("planned", planned));

    public static string Minutes(ClockMinutes minutes, Language lang) => Minutes(minutes.UsedMinutes, minutes.PlannedMinutes, lang);

    /// <summary>Recorded time of a case in whole minutes (rounded to the nearest, as in the summary).</summary>
    public static int UsedMinutes(MdoCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return RoundMinutes(c.UsedSeconds);
    }

    public static int RoundMinutes(int seconds) => (int)Math.Round(seconds / 60.0, MidpointRounding.AwayFromZero);

    public static string LangCode(Language lang) => lang.Text("MdoCards.en");

    private static DateTimeOffset Local(DateTimeOffset moment, TimeZoneInfo tz)
    {
        ArgumentNullException.ThrowIfNull(tz);
        return TimeZoneInfo.ConvertTime(moment, tz);
    }
}
