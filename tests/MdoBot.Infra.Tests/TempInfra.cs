namespace MdoBot.Infra.Tests;

/// <summary>A throwaway copy of infra/, for parameter files that must fail.</summary>
public sealed class TempInfra : IDisposable
{
    public TempInfra()
    {
        Dir = Directory.CreateTempSubdirectory("mdobot-infra-").FullName;
        foreach (var file in Directory.EnumerateFiles(InfraPaths.Infra, "*.bicep*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Dir, Path.GetRelativePath(InfraPaths.Infra, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Dir { get; }

    public string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
