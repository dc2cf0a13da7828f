using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MdoBot.BotFramework.Routing;
using MdoBot.Testing;

namespace MdoBot.Teams.Tests.Architecture;

/// <summary>
/// The project split of docs/architecture.md, enforced: the protocol library (MdoBot.BotFramework) knows
/// nothing of MDOs, the domain knows nothing of Teams, and only the app joins the two.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string[] AppAndDomain = ["MdoBot.Domain", "MdoBot.Teams", "MdoBot.Storage", "MdoBot.Graph", "MdoBot.Web"];

    [Fact]
    public void ProtocolAssembly_ReferencesNeitherTheDomainNorTheApp()
    {
        var referenced = typeof(ActivityRouter).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain(referenced, name => AppAndDomain.Contains(name));
    }

    [Fact]
    public void ProtocolProject_DeclaresNoProjectReference()
    {
        var project = XDocument.Load(ProjectFile("MdoBot.BotFramework"));

        Assert.Empty(project.Descendants("ProjectReference"));
    }

    [Fact]
    public void DomainAssembly_ReferencesNoOtherMdoBotAssembly()
    {
        var referenced = typeof(MdoBot.Domain.Mdo.Mdo).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.DoesNotContain(referenced, name => name.StartsWith("MdoBot.", StringComparison.Ordinal));
        Assert.Empty(XDocument.Load(ProjectFile("MdoBot.Domain")).Descendants("ProjectReference"));
    }

    [Fact]
    public void ProtocolSources_UseNoMdoWords()
    {
        var offending = Directory.EnumerateFiles(ProjectDir("MdoBot.BotFramework"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => MdoWord().IsMatch(l.Text.Replace("MdoBot", "", StringComparison.OrdinalIgnoreCase)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, "MDO words in the protocol library:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void MdoWordCheck_FindsTheWordsItLooksFor()
    {
        Assert.Matches(MdoWord(), "var mdo = Load();");
        Assert.Matches(MdoWord(), "string? MdoId");
        Assert.Matches(MdoWord(), "an MDO id");
        Assert.DoesNotMatch(MdoWord(), "namespace .BotFramework.Hosting;");
    }

    private static string ProjectDir(string name) => Path.Combine(SharedPaths.RepoRoot, "src", name);

    private static string ProjectFile(string name) => Path.Combine(ProjectDir(name), name + ".csproj");

    [GeneratedRegex(@"(?i)\bmdo")]
    private static partial Regex MdoWord();
}
