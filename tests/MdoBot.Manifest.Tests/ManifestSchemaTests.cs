using System.Text.Json.Nodes;
using NJsonSchema;

namespace MdoBot.Manifest.Tests;

public sealed class ManifestSchemaTests
{
    [Fact]
    public async Task Manifest_WithPlaceholdersSubstituted_ValidatesAgainstTeamsSchema()
    {
        var schema = await LoadSchemaAsync();

        var errors = schema.Validate(SampleManifest.Text);

        Assert.True(errors.Count == 0, "Schema errors:\n" + string.Join("\n", errors.Select(e => e.ToString())));
    }

    [Fact]
    public async Task ManifestVersion_ComparedToSchemaConst_IsEqual()
    {
        // NJsonSchema 10 ignores the draft-06 "const" keyword, which the schema uses for manifestVersion.
        var schemaJson = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPaths.TeamsSchemaFile))!;
        var expected = schemaJson["properties"]!["manifestVersion"]!["const"]!.GetValue<string>();

        var manifest = SampleManifest.Load();

        Assert.Equal("1.22", expected);
        Assert.Equal(expected, manifest["manifestVersion"]!.GetValue<string>());
        Assert.Contains("/v1.22/", manifest["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_WithUnknownTopLevelProperty_FailsValidation()
    {
        var schema = await LoadSchemaAsync();
        var manifest = SampleManifest.Load();
        manifest["notATeamsProperty"] = true;

        var errors = schema.Validate(manifest.ToJsonString());

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Manifest_WithPlaceholdersLeftIn_FailsValidation()
    {
        var schema = await LoadSchemaAsync();

        var errors = schema.Validate(SampleManifest.RawText);

        Assert.Contains(errors, e => e.Path == "#/id");
    }

    private static async Task<JsonSchema> LoadSchemaAsync()
    {
        // The schema has only local "#/..." references, so no network access is needed.
        var path = ManifestPaths.TeamsSchemaFile;
        return await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(path), path);
    }
}
