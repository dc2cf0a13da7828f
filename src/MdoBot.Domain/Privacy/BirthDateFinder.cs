using System.Globalization;
using System.Text.RegularExpressions;

namespace MdoBot.Domain.Privacy;

/// <summary>
/// Finds full dates that may be birth dates. Formats: d-m-yyyy, dd/mm/yyyy, d.m.yyyy,
/// yyyy-mm-dd (also with / or .), "12 maart 2019", "3 jan. 2020", "12th March 2019",
/// "March 12, 2019" (Dutch and English month names and abbreviations, any case). A date must
/// exist in the calendar and have a year from 1900 to 2100.
/// <para>
/// A date is flagged when it is on or before today (a past date may be a birth date; in
/// Kansrijke Start it often is), or, whatever the date, when a birth word is near: within 30
/// characters before or 15 after ("geboren", "geb.", "geboorte…", "uitgerekend", "born",
/// "birth…", "DOB"). A future date without such a word is not flagged: that is a due date.
/// </para>
/// </summary>
internal static partial class BirthDateFinder
{
    private const string MonthNames =
        "januari|january|februari|february|maart|march|april|mei|may|juni|june|juli|july|augustus|august|"
        + "september|oktober|october|november|december|sept|jan|feb|mrt|mar|maa|apr|jun|jul|aug|sep|okt|oct|nov|dec";

    private const int WordsBefore = 30;
    private const int WordsAfter = 15;

    public static IEnumerable<SensitiveMatch> Find(string text, DateOnly today)
    {
        var candidates = new[] { NumericDayFirst(), IsoYearFirst(), WrittenDayFirst(), WrittenMonthFirst() }
            .SelectMany(r => r.Matches(text))
            .OrderBy(m => m.Index)
            .ThenByDescending(m => m.Length);
        var end = 0;
        foreach (var match in candidates)
        {
            if (match.Index < end || ToDate(match) is not { } date)
            {
                continue;
            }

            if (date <= today || NearBirthWord(text, match.Index, match.Length))
            {
                end = match.Index + match.Length;
                yield return new SensitiveMatch(SensitiveFinding.BirthDate, match.Index, match.Length);
            }
        }
    }

    private static DateOnly? ToDate(Match match)
    {
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = match.Groups["mon"].Success
            ? MonthNumber(match.Groups["mon"].Value)
            : int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        return year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static int MonthNumber(string name) => name.ToLowerInvariant() switch
    {
        "jan" or "januari" or "january" => 1,
        "feb" or "februari" or "february" => 2,
        "mrt" or "mar" or "maa" or "maart" or "march" => 3,
        "apr" or "april" => 4,
        "mei" or "may" => 5,
        "jun" or "juni" or "june" => 6,
        "jul" or "juli" or "july" => 7,
        "aug" or "augustus" or "august" => 8,
        "sep" or "sept" or "september" => 9,
        "okt" or "oct" or "oktober" or "october" => 10,
        "nov" or "november" => 11,
        _ => 12,
    };

    private static bool NearBirthWord(string text, int index, int length)
    {
        var before = Math.Max(0, index - WordsBefore);
        var after = index + length;
        return BirthWord().IsMatch(text[before..index])
            || BirthWord().IsMatch(text[after..Math.Min(text.Length, after + WordsAfter)]);
    }

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})(?<s>[-/.])(?<m>\d{1,2})\k<s>(?<y>\d{4})(?!\d)")]
    private static partial Regex NumericDayFirst();

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})(?<s>[-/.])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})(?!\d)")]
    private static partial Regex IsoYearFirst();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<d>\d{1,2})(?:e|ste|de|st|nd|rd|th)?\s+(?<mon>" + MonthNames + @")(?!\p{L})\.?,?\s+(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrittenDayFirst();

    [GeneratedRegex(@"(?<!\p{L})(?<mon>" + MonthNames + @")(?!\p{L})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrittenMonthFirst();

    [GeneratedRegex(@"(?<!\p{L})(?:geboren|geb\.|geboorte|uitgerekend|born(?!\p{L})|birth|dob(?!\p{L})|d\.o\.b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BirthWord();
}
