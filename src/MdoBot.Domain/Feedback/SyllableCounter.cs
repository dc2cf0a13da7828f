using System.Text.RegularExpressions;

namespace MdoBot.Domain.Feedback;

/// <summary>
/// Heuristic syllable counters, good enough for readability scores (not for hyphenation).
/// Every word counts at least one syllable; a word without letters (a number) counts one.
/// </summary>
/// <remarks>
/// Dutch: a word is split into letter parts at hyphens, apostrophes and digits. In each part,
/// vowels (a e i o u y, accents ignored) are read left to right in units, longest first:
/// aai ooi oei eeu ieu, then aa ee oo uu ie ei eu ui oe ou au ij ai oi, then a single vowel. Each
/// unit is one syllable, so "groei-en", "i-de-aal" and "the-a-ter" come out right. A trema
/// (ë ï ö ü ä) always starts a new unit: "ca-su-ïs-tiek", "ge-ëist". A final "e" is a
/// pronounced schwa in Dutch ("de", "gro-te") and counts. A "y" at the start of a word before
/// a vowel is a consonant ("yoga"). Known misses: English loanwords with a silent e
/// ("online"), "eu" across a syllable break ("mu-se-um"), abbreviations spoken letter by
/// letter ("GGZ" counts one).
/// <para>
/// English: the common vowel-group heuristic: words of up to three letters count one;
/// a final silent "e" (not "le"), "es" (not after s x z c g h l or a vowel) and "ed" (not
/// after t or d or a vowel) are dropped; a leading "y" is a consonant; then each group of
/// a e i o u y is one syllable.
/// </para>
/// </remarks>
public static partial class SyllableCounter
{
    private static readonly string[] DutchUnits3 = ["aai", "ooi", "oei", "eeu", "ieu"];
    private static readonly string[] DutchUnits2 = ["aa", "ee", "oo", "uu", "ie", "ei", "eu", "ui", "oe", "ou", "au", "ij", "ai", "oi"];

    public static int Count(string word, FeedbackLanguage language) =>
        language == FeedbackLanguage.English ? English(word) : Dutch(word);

    public static int Dutch(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var total = 0;
        foreach (Match part in LetterRun().Matches(word))
        {
            total += DutchPart(part.Value.ToLowerInvariant());
        }

        return Math.Max(1, total);
    }

    public static int English(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var letters = string.Concat(word.ToLowerInvariant().Where(char.IsLetter));
        if (letters.Length <= 3)
        {
            return 1;
        }

        var stripped = LeadingY().Replace(EnglishSilentEnding().Replace(letters, ""), "");
        return Math.Max(1, EnglishVowelGroup().Count(stripped));
    }

    private static int DutchPart(string part)
    {
        var letters = new char[part.Length];
        var trema = new bool[part.Length];
        for (var i = 0; i < part.Length; i++)
        {
            (letters[i], trema[i]) = BaseVowel(part[i]);
        }

        var count = 0;
        var at = 0;
        while (at < letters.Length)
        {
            if (IsDutchVowel(letters, at))
            {
                count++;
                at += DutchUnitLength(letters, trema, at);
            }
            else
            {
                at++;
            }
        }

        return count;
    }

    private static bool IsDutchVowel(char[] letters, int at) => letters[at] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => true,
        'y' => !(at == 0 && letters.Length > 1 && "aeiou".Contains(letters[1], StringComparison.Ordinal)),
        _ => false,
    };

    private static int DutchUnitLength(char[] letters, bool[] trema, int at)
    {
        foreach (var (units, length) in new[] { (DutchUnits3, 3), (DutchUnits2, 2) })
        {
            if (at + length > letters.Length || trema.AsSpan(at + 1, length - 1).Contains(true))
            {
                continue;
            }

            var candidate = new string(letters, at, length);
            if (units.Contains(candidate, StringComparer.Ordinal))
            {
                return length;
            }
        }

        return 1;
    }

    /// <summary>The letter without its accent, and whether it had a trema.</summary>
    private static (char Letter, bool Trema) BaseVowel(char c) => c switch
    {
        'ä' => ('a', true),
        'ë' => ('e', true),
        'ï' => ('i', true),
        'ö' => ('o', true),
        'ü' => ('u', true),
        'ÿ' => ('y', true),
        'á' or 'à' or 'â' => ('a', false),
        'é' or 'è' or 'ê' => ('e', false),
        'í' or 'ì' or 'î' => ('i', false),
        'ó' or 'ò' or 'ô' => ('o', false),
        'ú' or 'ù' or 'û' => ('u', false),
        'ý' => ('y', false),
        _ => (c, false),
    };

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex LetterRun();

    [GeneratedRegex("(?:[^laeiouysxzcgh]es|[^laeiouytd]ed|[^laeiouy]e)$")]
    private static partial Regex EnglishSilentEnding();

    [GeneratedRegex("^y")]
    private static partial Regex LeadingY();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex EnglishVowelGroup();
}
