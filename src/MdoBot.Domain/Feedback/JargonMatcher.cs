using System.Text.RegularExpressions;

namespace MdoBot.Domain.Feedback;

/// <summary>
/// Finds listed terms as whole words: not preceded or followed by a letter or digit, so "cjg"
/// inside "xcjgy" and "casus" inside "casusbespreking" do not match, while "GGZ-instelling"
/// does. Case-insensitive unless <see cref="JargonTerm.MatchCase"/>. Longer terms win where
/// terms overlap ("POH-GGZ" is one hit, not also "GGZ"); hits do not overlap.
/// </summary>
public sealed class JargonMatcher
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private static readonly JargonMatcher DutchMatcher = new(CareJargon.Dutch);
    private static readonly JargonMatcher EnglishMatcher = new(CareJargon.English);

    private readonly IReadOnlyList<JargonTerm> _terms;
    private readonly Regex _pattern;

    public JargonMatcher(IEnumerable<JargonTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        _terms = [.. terms.Where(t => !string.IsNullOrWhiteSpace(t.Term)).OrderByDescending(t => t.Term.Length)];
        var alternatives = _terms.Select((t, i) => $"(?<t{i}>{(t.MatchCase ? "(?-i:" : "(?i:")}{Escape(t.Term)}))");
        _pattern = new Regex(
            $@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}])",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
            MatchTimeout);
    }

    public static JargonMatcher For(FeedbackLanguage language) =>
        language == FeedbackLanguage.English ? EnglishMatcher : DutchMatcher;

    public IReadOnlyList<JargonHit> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_terms.Count == 0)
        {
            return [];
        }

        var hits = new List<JargonHit>();
        foreach (Match match in _pattern.Matches(text))
        {
            var index = Enumerable.Range(0, _terms.Count).First(i => match.Groups[$"t{i}"].Success);
            var term = _terms[index];
            hits.Add(new JargonHit(term.Term, term.PlainAlternative, match.Index, match.Length));
        }

        return hits;
    }

    /// <summary>Regex-escapes the term; whitespace between words matches any whitespace.</summary>
    private static string Escape(string term) =>
        string.Join(@"\s+", term.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
}
