using System.Text.RegularExpressions;

namespace MdoBot.Domain.Privacy;

/// <summary>Why a case code is not pseudonymous enough.</summary>
public enum CaseCodeFinding
{
    None,
    LooksLikeFullName,
    CitizenServiceNumber,
}

/// <summary>The verdict on a case code: a finding and the key of the suggestion to show, never the code itself.</summary>
public sealed record CaseCodeResult(CaseCodeFinding Finding)
{
    public bool IsAcceptable => Finding == CaseCodeFinding.None;

    /// <summary>See <see cref="PrivacyTexts"/>; null when acceptable.</summary>
    public string? SuggestionKey => Finding switch
    {
        CaseCodeFinding.LooksLikeFullName => PrivacyTexts.CaseCodeNameKey,
        CaseCodeFinding.CitizenServiceNumber => PrivacyTexts.CaseCodeCitizenServiceNumberKey,
        _ => null,
    };
}

/// <summary>
/// Checks that a case code is pseudonymous. Refused: a code holding a citizen service number,
/// and a code with two or more capitalised alphabetic words ("Jan Jansen", "Fatima el Amrani",
/// "Baby Noah") — unless the first word is Gezin, Familie, Family, Casus or Case and the rest
/// is at most 3 characters ("Gezin A", "Familie XY", "Casus 12"). So "Gezin Jansen" and
/// "Gezin De Boer" are refused: a family name identifies too. Words are split at whitespace
/// and . , ; : _ / ( ); a word is alphabetic when it holds only letters, inner hyphens and
/// apostrophes ("Anne-Marie"), and capitalised when its first letter is upper case.
/// Not caught: a single name ("Jansen") or names typed in lower case.
/// </summary>
public static partial class CaseCodeGuard
{
    private static readonly string[] PseudonymPrefixes = ["Gezin", "Familie", "Family", "Casus", "Case"];

    public static CaseCodeResult Check(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var trimmed = code.Trim();
        if (CitizenServiceNumber.Find(trimmed).Any())
        {
            return new CaseCodeResult(CaseCodeFinding.CitizenServiceNumber);
        }

        var words = Separator().Split(trimmed).Where(w => w.Length > 0).ToList();
        var capitalised = words.Count(w => CapitalisedWord().IsMatch(w));
        if (capitalised < 2 || IsPseudonymWithPrefix(trimmed, words))
        {
            return new CaseCodeResult(CaseCodeFinding.None);
        }

        return new CaseCodeResult(CaseCodeFinding.LooksLikeFullName);
    }

    private static bool IsPseudonymWithPrefix(string code, IReadOnlyList<string> words) =>
        PseudonymPrefixes.Contains(words[0], StringComparer.OrdinalIgnoreCase)
        && code[(code.IndexOf(words[0], StringComparison.Ordinal) + words[0].Length)..].Trim().Length <= 3;

    [GeneratedRegex(@"[\s.,;:_/()]+")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\p{Lu}[\p{L}]*(?:['’\-]\p{L}+)*$")]
    private static partial Regex CapitalisedWord();
}
