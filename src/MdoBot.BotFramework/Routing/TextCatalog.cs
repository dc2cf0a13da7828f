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
        var names = new List<string>();
        for (var i = text.IndexOf('{', StringComparison.Ordinal); i >= 0; i = text.IndexOf('{', i + 1))
        {
            var end = text.IndexOf('}', i);
            if (end < 0)
            {
                break;
            }

            var hole = text[(i + 1)..end];
            var colon = hole.IndexOf(':', StringComparison.Ordinal);
            names.Add(colon < 0 ? hole : hole[..colon]);
        }

        return names;
    }

    private static string Fill(string key, string text, ReadOnlySpan<(string Name, object? Value)> args)
    {
        var result = new StringBuilder(text.Length + 32);
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('{', at);
            if (open < 0)
            {
                result.Append(text, at, text.Length - at);
                break;
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"Text '{key}' has an unclosed placeholder.");
            }

            result.Append(text, at, open - at);
            var hole = text.AsSpan(open + 1, close - open - 1);
            var colon = hole.IndexOf(':');
            var name = colon < 0 ? hole : hole[..colon];
            var format = colon < 0 ? null : hole[(colon + 1)..].ToString();
            result.Append(Format(key, name, format, args));
            at = close + 1;
        }

        return result.ToString();
    }

    private static string? Format(string key, ReadOnlySpan<char> name, string? format, ReadOnlySpan<(string Name, object? Value)> args)
    {
        foreach (var (argName, value) in args)
        {
            if (name.SequenceEqual(argName))
            {
                return value is IFormattable formattable ? formattable.ToString(format, CultureInfo.CurrentCulture) : value?.ToString();
            }
        }

        throw new FormatException($"Text '{key}' needs a value for '{name}'.");
    }

    private static string AreaOf(string resourceName)
    {
        var withoutSuffix = resourceName[..^".texts.json".Length];
        var dot = withoutSuffix.LastIndexOf('.');
        return dot < 0 ? withoutSuffix : withoutSuffix[(dot + 1)..];
    }
}
