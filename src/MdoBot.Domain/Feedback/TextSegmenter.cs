using System.Text.RegularExpressions;

namespace MdoBot.Domain.Feedback;

/// <summary>A word of a text: its characters and offset.</summary>
internal readonly record struct TextWord(string Text, int Position);

/// <summary>A sentence of a text: where it starts and its words (never empty).</summary>
internal sealed record TextSentence(int Position, IReadOnlyList<TextWord> Words);

/// <summary>
/// Splits text into sentences and words. A sentence ends at . ! ? or … followed by whitespace
/// (or the end), or at a line break, so headings and list lines are sentences of their own.
/// A full stop after a common abbreviation ("bijv.", "o.a.", "e.g.") does not end a sentence,
/// nor does one inside a number ("1.5"). A word is a run of letters and digits, joined by
/// inner hyphens or apostrophes ("POH-GGZ", "baby's"). Sentences without words are dropped.
/// </summary>
internal static partial class TextSegmenter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "bijv", "bv", "o.a", "d.w.z", "enz", "evt", "i.p.v", "m.b.t", "z.s.m", "ca", "nr", "dhr",
        "mevr", "mw", "geb", "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "vs", "no",
    };

    public static IReadOnlyList<TextSentence> Sentences(string text)
    {
        var sentences = new List<TextSentence>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == '\n' ? i : EndOfSentenceMark(text, i);
            if (end < 0)
            {
                continue;
            }

            Add(sentences, text, start, end + 1);
            start = end + 1;
            i = end;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    public static IReadOnlyList<TextWord> Words(string text, int start, int length) =>
        [.. Word().Matches(text.Substring(start, length)).Select(m => new TextWord(m.Value, start + m.Index))];

    /// <summary>The index of the last mark when a sentence ends at <paramref name="i"/>; else −1.</summary>
    private static int EndOfSentenceMark(string text, int i)
    {
        if (text[i] is not ('.' or '!' or '?' or '…'))
        {
            return -1;
        }

        var last = i;
        while (last + 1 < text.Length && text[last + 1] is '.' or '!' or '?' or '…' or '"' or '\'' or ')' or '’' or '”')
        {
            last++;
        }

        var atEnd = last + 1 >= text.Length || char.IsWhiteSpace(text[last + 1]);
        return atEnd && !(text[i] == '.' && i == last && AfterAbbreviation(text, i)) ? last : -1;
    }

    private static bool AfterAbbreviation(string text, int dot)
    {
        var from = dot;
        while (from > 0 && (char.IsLetter(text[from - 1]) || text[from - 1] == '.'))
        {
            from--;
        }

        return from < dot && Abbreviations.Contains(text[from..dot]);
    }

    private static void Add(List<TextSentence> sentences, string text, int start, int end)
    {
        var words = Words(text, start, end - start);
        if (words.Count > 0)
        {
            sentences.Add(new TextSentence(words[0].Position, words));
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
