using System.Globalization;
using System.Text.RegularExpressions;

namespace MdoBot.Domain.Privacy;

/// <summary>
/// Finds full dates that may be birth dates. Formats: d-m-yyyy, dd/mm/yyyy, d.m.yyyy, the same with a
/// two-digit year ("12-03-15", "3-4-'15"), ddmmyyyy and yyyymmdd without separators ("12032015"),
/// yyyy-mm-dd (also with / or .), "12 maart 2019", "3 jan. '20", "12th March 2019", "March 12, 2019"
/// (Dutch and English month names and abbreviations, any case). A date must exist in the calendar;
/// a four-digit year runs from 1900 to 2100, a two-digit year is the latest year not after today's.
/// A date inside a longer run of numbers ("06-12-34-56-78") is no date.
/// <para>
/// A date is flagged when a birth word is near — within 30 characters before or 15 after ("geboren",
/// "geb.", "geboorte…", "uitgerekend", "°", "born", "birth…", "DOB") — or, without one, when it is on
/// or before today (a past date may be a birth date; in Kansrijke Start it often is) unless a meeting
/// or event word comes just before it ("MDO van 3-11-2026", "huisbezoek op …", "sinds …"). A future
/// date without a birth word is not flagged: that is a due date or the next meeting.
/// </para>
/// </summary>
internal static partial class BirthDateFinder
{
    private const string MonthNames =
        "januari|january|februari|february|maart|march|april|mei|may|juni|june|juli|july|augustus|august|"
        + "september|oktober|october|november|december|sept|jan|feb|mrt|mar|maa|apr|jun|jul|aug|sep|okt|oct|nov|dec";

    private const string Year = @"(?<y>\d{4}|['’]?\d{2})";
    private const string NotInRun = @"(?<![\d\p{L}])(?<!\d[-/.])";
    private const string NoMoreRun = @"(?!\d)(?![-/.]\d)";

    private const int WordsBefore = 30;
    private const int WordsAfter = 15;
    private const int EventBefore = 25;

    public static IEnumerable<SensitiveMatch> Find(string text, DateOnly today)
    {
        var candidates = new[] { NumericDayFirst(), IsoYearFirst(), CompactDayFirst(), CompactYearFirst(), WrittenDayFirst(), WrittenMonthFirst() }
            .SelectMany(r => r.Matches(text))
            .OrderBy(m => m.Index)
            .ThenByDescending(m => m.Length);
        var end = 0;
        foreach (var match in candidates)
        {
            if (match.Index < end || ToDate(match, today) is not { } date)
            {
                continue;
            }

            if (NearBirthWord(text, match.Index, match.Length) || (date <= today && !AfterEventWord(text, match.Index)))
            {
                end = match.Index + match.Length;
                yield return new SensitiveMatch(SensitiveFinding.BirthDate, match.Index, match.Length);
            }
        }
    }

    private static DateOnly? ToDate(Match match, DateOnly today)
    {
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var year = FullYear(match.Groups["y"].Value.TrimStart('\'', '’'), today);
        var month = match.Groups["mon"].Success
            ? MonthNumber(match.Groups["mon"].Value)
            : int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        return year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>"15" is 2015 in 2026, "30" is 1930: the latest such year not after today's.</summary>
    private static int FullYear(string y, DateOnly today)
    {
        var value = int.Parse(y, CultureInfo.InvariantCulture);
        if (y.Length != 2)
        {
            return value;
        }

        var year = (today.Year / 100 * 100) + value;
        return year > today.Year ? year - 100 : year;
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

    private static bool AfterEventWord(string text, int index) =>
        EventWord().IsMatch(text[Math.Max(0, index - EventBefore)..index]);

    [GeneratedRegex(NotInRun + @"(?<d>\d{1,2})(?<s>[-/.])(?<m>\d{1,2})\k<s>" + Year + NoMoreRun)]
    private static partial Regex NumericDayFirst();

    [GeneratedRegex(NotInRun + @"(?<y>\d{4})(?<s>[-/.])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})" + NoMoreRun)]
    private static partial Regex IsoYearFirst();

    [GeneratedRegex(NotInRun + @"(?<d>\d{2})(?<m>\d{2})(?<y>(?:19|20)\d{2})" + NoMoreRun)]
    private static partial Regex CompactDayFirst();

    [GeneratedRegex(NotInRun + @"(?<y>(?:19|20)\d{2})(?<m>\d{2})(?<d>\d{2})" + NoMoreRun)]
    private static partial Regex CompactYearFirst();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<d>\d{1,2})(?:e|ste|de|st|nd|rd|th)?\s+(?<mon>" + MonthNames + @")(?!\p{L})\.?,?\s+" + Year + @"(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrittenDayFirst();

    [GeneratedRegex(@"(?<!\p{L})(?<mon>" + MonthNames + @")(?!\p{L})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + Year + @"(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrittenMonthFirst();

    [GeneratedRegex(@"(?<!\p{L})(?:geboren|geb(?:\.|(?!\p{L}))|geboorte|uitgerekend|born(?!\p{L})|birth|dob(?!\p{L})|d\.o\.b)|°", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BirthWord();

    [GeneratedRegex(@"(?<!\p{L})(?:mdo|overleg|intake|gesproken|gezien|vergader\p{L}*|bespr\p{L}*|huisbezoek|bezoek|gesprek|afspraak|sinds|vanaf|per|tot|t/m|aangemeld|gestart|gestopt|brief|mail|e-mail|gebeld|meeting|visit|since|from|until)(?!\p{L})[^.;!?\n]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EventWord();
}
