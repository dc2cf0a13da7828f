using System.Text.RegularExpressions;
using MdoBot.BotFramework.Routing;
using MdoBot.Testing;

namespace MdoBot.Teams.Tests.Texts;

/// <summary>
/// The user-facing texts live in Texts/*.texts.json (a translator's files): every text has every language
/// with the same placeholders, every key the code asks for exists, no entry is left unused, and no text is
/// written inline in C# any more.
/// </summary>
public sealed partial class TextCatalogTests
{
    private static readonly TextCatalog Broken = TextCatalog.Load(typeof(TextCatalogTests).Assembly);

    public static TheoryData<string> Catalogs => new() { "app", "protocol" };

    private static TextCatalog CatalogOf(string name) => name == "app" ? AppTexts.Catalog : ProtocolTexts.Catalog;

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void EveryText_HasEveryLanguageWithTheSamePlaceholders(string catalog)
    {
        Assert.NotEmpty(CatalogOf(catalog).Entries);
        Assert.Empty(CatalogOf(catalog).Problems());
    }

    [Fact]
    public void Problems_NameTheMissingLanguageTheEmptyTextAndTheMismatchedPlaceholders()
    {
        Assert.Equal(
            [
                "Sample.emptyDutch: no text in nl",
                "Sample.noEnglish: no text in en",
                "Sample.otherHoles: the languages have different placeholders (code / name)",
            ],
            Broken.Problems());
    }

    [Fact]
    public void Get_FillsNamedPlaceholdersWithTheirFormat()
    {
        Assert.Equal("Hallo Anna, je hebt 3 acties.", Broken.Get(Language.Dutch, "Sample.complete", ("name", "Anna"), ("count", 3.2)));
        Assert.Equal("Hello Anna, you have 3 actions.", Broken.Get(Language.English, "Sample.complete", ("count", 3), ("name", "Anna")));
    }

    [Fact]
    public void Get_UnknownKeyMissingLanguageOrMissingValue_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => Broken.Get(Language.Dutch, "Sample.nothing"));
        Assert.Throws<KeyNotFoundException>(() => Broken.Get(Language.English, "Sample.noEnglish"));
        Assert.Throws<FormatException>(() => Broken.Get(Language.Dutch, "Sample.complete", ("name", "Anna")));
    }

    [Fact]
    public void EveryKeyTheCodeUses_Exists_AndEveryEntryIsUsed()
    {
        var used = SourceFiles().SelectMany(f => TextKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        var known = AppTexts.Catalog.Entries.Keys.Concat(ProtocolTexts.Catalog.Entries.Keys).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(used.Except(known).Order(StringComparer.Ordinal));
        Assert.Empty(known.Except(used).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoTextIsWrittenInlineAsADutchEnglishPair()
    {
        var inline = SourceFiles()
            .Where(f => !f.EndsWith(Path.Combine("Routing", "Language.cs"), StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(".Pick(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(SharedPaths.RepoRoot, f));
        Assert.Empty(inline);
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { "MdoBot.Teams", "MdoBot.BotFramework" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(SharedPaths.RepoRoot, "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex("""\.Text\(\s*"([A-Za-z]+\.[A-Za-z0-9]+)"\s*[,)]""")]
    private static partial Regex TextKey();
}
