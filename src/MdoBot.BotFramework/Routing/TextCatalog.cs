using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace MdoBot.BotFramework.Routing;

/// <summary>
/// The user-facing texts of one assembly, kept out of the code in JSON files that a translator can edit:
/// embedded resources named <c>*.texts.json</c>, one per area, each mapping a key to its text per language
/// (<c>{ "addAction": { "nl": "Actie toevoegen", "en": "Add action" } }</c>). A text is found as
/// <c>Area.key</c>, where Area is the file name before <c>.texts.json</c>. Placeholders are named,
/// <c>{code}</c>, optionally with a .NET format, <c>{score:0}</c>; they are filled from the arguments given.
/// </summary>
public sealed class TextCatalog
{
    /// <summary>The languages every text must have, by their code in the files.</summary>
    public static readonly IReadOnlyDictionary<Language, string> Codes = new Dictionary<Language, string>
    {
        [Language.Dutch] = "nl",
        [Language.English] = "en",
    };

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _texts;

    private TextCatalog(FrozenDictionary<string, FrozenDictionary<string, string>> texts) => _texts = texts;

    /// <summary>Every key (<c>Area.key</c>) with its text per language code, as read from the files.</summary>
    public IReadOnlyDictionary<string, FrozenDictionary<string, string>> Entries => _texts;

    /// <summary>Reads every <c>*.texts.json</c> resource of <paramref name="assembly"/>.</summary>
    public static TextCatalog Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var texts = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".texts.json", StringComparison.Ordinal)))
        {
            var area = AreaOf(name);
            using var stream = assembly.GetManifestResourceStream(name)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                ?? throw new InvalidDataException($"{name} is empty.");
            foreach (var (key, perLanguage) in entries)
            {
                texts.Add(area + "." + key, perLanguage.ToFrozenDictionary(StringComparer.Ordinal));
            }
        }

        return new TextCatalog(texts.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// What a translator must fix: texts missing a language or empty in one, and texts whose languages do not
    /// have the same placeholders. Empty when the catalogue is complete.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (key, perLanguage) in _texts.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var missing = Codes.Values.Where(code => !perLanguage.TryGetValue(code, out var t) || string.IsNullOrWhiteSpace(t)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{key}: no text in {string.Join(", ", missing)}");
                continue;
            }

            var holes = Codes.Values.Select(code => string.Join(",", Placeholders(perLanguage[code]).Order(StringComparer.Ordinal))).Distinct().ToList();
            if (holes.Count > 1)
            {
                problems.Add($"{key}: the languages have different placeholders ({string.Join(" / ", holes)})");
            }
        }

        return problems;
    }

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/> with its placeholders filled.</summary>
    public string Get(Language language, string key, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        if (!_texts.TryGetValue(key, out var perLanguage) || !perLanguage.TryGetValue(Codes[language], out var text))
        {
            throw new KeyNotFoundException($"No text '{key}' in language '{Codes[language]}'.");
        }

        return args.IsEmpty && text.IndexOf('{', StringComparison.Ordinal) < 0 ? text : Fill(key, text, args);
    }

    /// <summary>The placeholder names of a text, in order (for checks that every language has the same ones).</summary>
    public static IReadOnlyList<string> Placeholders(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Holes(string.Empty, text).Select(h => h.Name)];
    }

    private static string Fill(string key, string text, ReadOnlySpan<(string Name, object? Value)> args)
    {
        var result = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (var hole in Holes(key, text))
        {
            result.Append(text, at, hole.Start - at).Append(Format(key, hole, args));
            at = hole.End;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The placeholders <c>{name}</c> / <c>{name:format}</c> of a text; <paramref name="key"/> names it in errors.</summary>
    private static IEnumerable<Hole> Holes(string key, string text)
    {
        for (var open = text.IndexOf('{', StringComparison.Ordinal); open >= 0; open = text.IndexOf('{', open + 1))
        {
            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"Text '{key}' has an unclosed placeholder.");
            }

            var inner = text[(open + 1)..close];
            var colon = inner.IndexOf(':', StringComparison.Ordinal);
            yield return new Hole(open, close + 1, colon < 0 ? inner : inner[..colon], colon < 0 ? null : inner[(colon + 1)..]);
        }
    }

    private static string? Format(string key, Hole hole, ReadOnlySpan<(string Name, object? Value)> args)
    {
        foreach (var (name, value) in args)
        {
            if (name == hole.Name)
            {
                return value is IFormattable formattable ? formattable.ToString(hole.Format, CultureInfo.CurrentCulture) : value?.ToString();
            }
        }

        throw new FormatException($"Text '{key}' needs a value for '{hole.Name}'.");
    }

    private readonly record struct Hole(int Start, int End, string Name, string? Format);

    private static string AreaOf(string resourceName)
    {
        var withoutSuffix = resourceName[..^".texts.json".Length];
        var dot = withoutSuffix.LastIndexOf('.');
        return dot < 0 ? withoutSuffix : withoutSuffix[(dot + 1)..];
    }
}
