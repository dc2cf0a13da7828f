namespace MdoBot.Testing;

/// <summary>Finds the repository root and the <c>shared/</c> folder that sits beside it.</summary>
public static class SharedPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The steering repo's shared/ folder (../shared from the repo root).</summary>
    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Schema(string fileName)
    {
        var path = Path.Combine(SharedRoot, "schemas", fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Schema not found at {path}: tests read it from ../shared/schemas.", path);
        }

        return path;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MdoBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MdoBot.sln not found above " + AppContext.BaseDirectory);
    }
}
