using System.Text.RegularExpressions;

namespace MdoBot.Domain.Privacy;

/// <summary>
/// The Dutch citizen service number (burgerservicenummer, BSN): nine digits passing the
/// elfproef 9a + 8b + 7c + 6d + 5e + 4f + 3g + 2h − 1i ≡ 0 (mod 11), not all zeros.
/// An eight-digit number gets a leading zero first, as the BSN rules allow (old sofi numbers
/// and spreadsheets that drop the zero).
/// </summary>
/// <remarks>
/// In text, a candidate is a whole run of digit groups joined by single separators (space,
/// no-break space, dot, dash or slash): 9 or 8 digits in a row, or 9 digits in two to four groups
/// of at least two digits ("123 456 782", "123.456.782", "1234.56.782", "11 12 22 333",
/// "123/456/782"). A run with more digits is no candidate, so "06-12345678", "+31 6 12345678" and
/// "06 12 34 56 78" stay phone numbers. Candidates failing the elfproef are ignored.
/// </remarks>
public static partial class CitizenServiceNumber
{
    private static readonly int[] Weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];

    /// <summary>True for 8 or 9 digits (spaces, dots and dashes ignored) that pass the elfproef.</summary>
    public static bool IsValid(string? candidate)
    {
        if (candidate is null)
        {
            return false;
        }

        var digits = string.Concat(candidate.Where(c => c is not (' ' or '.' or '-' or '/' or '\u00A0')));
        if (digits.Length is < 8 or > 9 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        digits = digits.PadLeft(9, '0');
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += Weights[i] * (digits[i] - '0');
        }

        return sum % 11 == 0 && digits.Any(c => c != '0');
    }

    /// <summary>Every candidate in <paramref name="text"/> that passes the elfproef.</summary>
    public static IEnumerable<SensitiveMatch> Find(string text) =>
        DigitRun().Matches(text)
            .Where(m => IsCandidate(m.Value) && IsValid(m.Value))
            .Select(m => new SensitiveMatch(SensitiveFinding.CitizenServiceNumber, m.Index, m.Length));

    private static bool IsCandidate(string run)
    {
        var groups = run.Split([' ', '.', '-', '/', '\u00A0']);
        return groups.Length == 1
            ? run.Length is 8 or 9
            : groups.Length <= 4 && groups.All(g => g.Length >= 2) && groups.Sum(g => g.Length) == 9;
    }

    [GeneratedRegex(@"(?<!\d)\d+(?:[ .\-/\u00A0]\d+)*(?!\d)")]
    private static partial Regex DigitRun();
}
