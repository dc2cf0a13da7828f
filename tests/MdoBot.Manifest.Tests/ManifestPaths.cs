namespace MdoBot.Manifest.Tests;

/// <summary>Finds the repository's <c>manifest/</c> folder and the Teams schema in <c>../shared</c>.</summary>
internal static class ManifestPaths
{
    private const string SchemaRelativePath = "shared/schemas/MicrosoftTeams-1.22.schema.json";

    public static string RepoRoot { get; } = FindUpwards(
        dir => File.Exists(Path.Combine(dir, "MdoBot.sln")) && Directory.Exists(Path.Combine(dir, "manifest")),
        "a directory holding MdoBot.sln and manifest/");

    public static string ManifestDirectory => Path.Combine(RepoRoot, "manifest");

    public static string ManifestFile => Path.Combine(ManifestDirectory, "manifest.json");

    public static string PackageScript => Path.Combine(ManifestDirectory, "package.sh");

    public static string Icon(string fileName) => Path.Combine(ManifestDirectory, fileName);

    /// <summary>
    /// The schema lives in <c>shared/</c> beside the repository (never copied into it).
    /// Throws when it cannot be found, so a missing schema fails the test instead of skipping it.
    /// </summary>
    public static string TeamsSchemaFile
    {
        get
        {
            var dir = FindUpwards(
                d => File.Exists(Path.Combine(d, SchemaRelativePath)),
                SchemaRelativePath + " (expected in ../shared beside the repository)");
            return Path.Combine(dir, SchemaRelativePath);
        }
    }

    private static string FindUpwards(Func<string, bool> matches, string what)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (matches(dir.FullName))
            {
                return dir.FullName;
            }
        }

        throw new FileNotFoundException($"Could not find {what} in any directory above {AppContext.BaseDirectory}.");
    }
}
