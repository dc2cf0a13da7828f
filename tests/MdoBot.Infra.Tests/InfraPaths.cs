namespace MdoBot.Infra.Tests;

public static class InfraPaths
{
    public static string Root { get; } = FindRoot();

    public static string Infra => System.IO.Path.Combine(Root, "infra");

    public static string MainTemplate => System.IO.Path.Combine(Infra, "azure.bicep");

    public static IEnumerable<string> Templates => Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories).Order();

    public static IEnumerable<string> ParameterFiles => Directory.EnumerateFiles(Infra, "*.bicepparam").Order();

    public static string ParameterFile(string environment) => System.IO.Path.Combine(Infra, $"azure.parameters.{environment}.bicepparam");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MdoBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MdoBot.sln not found above " + AppContext.BaseDirectory);
    }
}
