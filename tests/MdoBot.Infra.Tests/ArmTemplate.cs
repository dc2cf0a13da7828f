using System.Text.Json.Nodes;

namespace MdoBot.Infra.Tests;

/// <summary>
/// infra/ compiled once per test run with the real Bicep CLI: every template (<c>bicep build --pattern</c>)
/// and every parameter file (<c>bicep build-params --pattern</c>), each in one call.
/// </summary>
public static class ArmTemplate
{
    private static readonly Lazy<Task<Compiled>> Templates = new(() => CompileAsync("build", "**/*.bicep"));
    private static readonly Lazy<Task<Compiled>> ParameterFiles = new(() => CompileAsync("build-params", "*.bicepparam"));

    /// <summary>The output of one compile: the CLI's result and the JSON files it wrote, by path relative to infra/ (".json").</summary>
    public sealed record Compiled(Bicep.Result Result, IReadOnlyDictionary<string, JsonObject> Files);

    public static Task<Compiled> TemplatesAsync() => Templates.Value;

    public static Task<Compiled> ParameterFilesAsync() => ParameterFiles.Value;

    public static async Task<JsonObject> MainAsync() => (await TemplatesAsync()).Files["azure.json"];

    public static async Task<JsonObject> ParametersAsync(string environment) =>
        (await ParameterFilesAsync()).Files[$"azure.parameters.{environment}.json"]["parameters"]!.AsObject();

    private static async Task<Compiled> CompileAsync(string command, string pattern)
    {
        var outDir = Directory.CreateTempSubdirectory("mdobot-arm-").FullName;
        try
        {
            var result = await Bicep.RunAsync(InfraPaths.Infra, command, "--pattern", pattern, "--outdir", outDir);
            Assert.True(result.ExitCode == 0, result.Output);
            var files = Directory.EnumerateFiles(outDir, "*.json", SearchOption.AllDirectories).ToDictionary(
                f => Path.GetRelativePath(outDir, f), f => JsonNode.Parse(File.ReadAllText(f))!.AsObject());
            return new Compiled(result, files);
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    /// <summary>A template's resources (an array, or an object by symbolic name in language version 2.0), with their symbolic names.</summary>
    public static IEnumerable<(string? Symbol, JsonObject Resource)> NamedResourcesOf(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.Select(r => ((string?)null, r!.AsObject())),
        JsonObject byName => byName.Select(p => ((string?)p.Key, p.Value!.AsObject())),
        _ => [],
    };

    public static IEnumerable<JsonObject> ResourcesOf(JsonObject template) => NamedResourcesOf(template).Select(r => r.Resource);

    /// <summary>Every resource of the template and of its modules (nested deployments), depth first.</summary>
    public static IEnumerable<JsonObject> AllResources(JsonObject template)
    {
        foreach (var resource in ResourcesOf(template))
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    public static string TypeOf(JsonObject resource) => resource["type"]!.GetValue<string>();

    /// <summary>The module (nested deployment) whose own template declares <paramref name="type"/>, with its symbolic name.</summary>
    public static (string? Symbol, JsonObject Module) ModuleWith(JsonObject template, string type) =>
        NamedResourcesOf(template).Single(r => TypeOf(r.Resource) == "Microsoft.Resources/deployments"
            && ResourcesOf(r.Resource["properties"]!["template"]!.AsObject()).Any(inner => TypeOf(inner) == type));

    public static JsonObject Single(JsonObject template, string type) => AllResources(template).Single(r => TypeOf(r) == type);

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();
}
