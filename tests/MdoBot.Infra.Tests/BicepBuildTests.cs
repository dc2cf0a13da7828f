namespace MdoBot.Infra.Tests;

/// <summary>Every template and parameter file compiles and lints with zero warnings (the real Bicep CLI, offline).</summary>
public sealed class BicepBuildTests
{
    [Fact]
    public void The_infra_folder_has_the_toolkit_layout()
    {
        Assert.True(File.Exists(InfraPaths.MainTemplate));
        Assert.True(File.Exists(InfraPaths.ParameterFile("dev")));
        Assert.True(File.Exists(InfraPaths.ParameterFile("prod")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(InfraPaths.Infra, "modules"), "*.bicep"));
    }

    [Fact]
    public async Task Every_template_builds_without_warnings()
    {
        var compiled = await ArmTemplate.TemplatesAsync();
        Assert.Equal("", compiled.Result.Output.Trim());
        var expected = InfraPaths.Templates.Select(t => Path.ChangeExtension(Path.GetRelativePath(InfraPaths.Infra, t), ".json")).Order();
        Assert.Equal(expected, compiled.Files.Keys.Order());
    }

    [Fact]
    public async Task Every_parameter_file_builds_without_warnings()
    {
        var compiled = await ArmTemplate.ParameterFilesAsync();
        Assert.Equal("", compiled.Result.Output.Trim());
        var expected = InfraPaths.ParameterFiles.Select(t => Path.ChangeExtension(Path.GetFileName(t), ".json")).Order();
        Assert.Equal(expected, compiled.Files.Keys.Order());
    }

    [Fact]
    public async Task Lint_reports_nothing_for_any_template_or_parameter_file()
    {
        var result = await Bicep.RunAsync(InfraPaths.Infra, "lint", "--pattern", "**/*.bicep*");
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("", result.Output.Trim());
    }

    [Fact]
    public async Task Lint_with_the_same_pattern_reports_a_warning()
    {
        // The lint check above can fail: in a copy of infra/, an unused parameter is a linter warning.
        using var infra = new TempInfra();
        infra.Write("modules/unused.bicep", "param unused string\n");
        var result = await Bicep.RunAsync(infra.Dir, "lint", "--pattern", "**/*.bicep*");
        Assert.Contains("unused.bicep(1,7) : Warning no-unused-params", result.Output, StringComparison.Ordinal);
    }
}
