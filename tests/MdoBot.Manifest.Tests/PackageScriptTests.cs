using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace MdoBot.Manifest.Tests;

public sealed class PackageScriptTests : IDisposable
{
    private readonly DirectoryInfo _outDir = Directory.CreateTempSubdirectory("mdobot-package-");

    private string ZipPath => Path.Combine(_outDir.FullName, "mdobot-teams-app.zip");

    public void Dispose() => _outDir.Delete(recursive: true);

    [Fact]
    public async Task PackageSh_WithSampleEnvironment_ZipsSubstitutedManifestAndIcons()
    {
        var result = await RunPackageAsync(SampleManifest.TeamsAppId, SampleManifest.BotId, SampleManifest.BotDomain);

        Assert.True(result.ExitCode == 0, $"package.sh failed ({result.ExitCode}):\n{result.StdErr}");
        await using var zip = await ZipFile.OpenReadAsync(ZipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        var manifestText = await ReadEntryTextAsync(zip, "manifest.json");
        Assert.DoesNotContain("${{", manifestText, StringComparison.Ordinal);
        Assert.Equal(SampleManifest.Text, manifestText);
        var manifest = JsonNode.Parse(manifestText)!;
        Assert.Equal(SampleManifest.TeamsAppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(SampleManifest.BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());

        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(ManifestPaths.Icon(icon)), await ReadEntryBytesAsync(zip, icon));
        }
    }

    [Theory]
    [InlineData(null, SampleManifest.BotId, SampleManifest.BotDomain, "TEAMS_APP_ID")]
    [InlineData(SampleManifest.TeamsAppId, "", SampleManifest.BotDomain, "BOT_ID")]
    [InlineData(SampleManifest.TeamsAppId, SampleManifest.BotId, null, "BOT_DOMAIN")]
    [InlineData("not-a-guid", SampleManifest.BotId, SampleManifest.BotDomain, "TEAMS_APP_ID must be a GUID")]
    [InlineData(SampleManifest.TeamsAppId, "{a7e41d09-2c5f-4b8e-8f16-5d3c9b0e72af}", SampleManifest.BotDomain, "BOT_ID must be a GUID")]
    [InlineData(SampleManifest.TeamsAppId, SampleManifest.BotId, "https://mdobot.example.org", "BOT_DOMAIN must be a bare host name")]
    [InlineData(SampleManifest.TeamsAppId, SampleManifest.BotId, "mdobot.example.org/api", "BOT_DOMAIN must be a bare host name")]
    [InlineData(SampleManifest.TeamsAppId, SampleManifest.BotId, "mdobot.example.org:443", "BOT_DOMAIN must be a bare host name")]
    public async Task PackageSh_WithMissingOrInvalidVariable_FailsWithMessageAndNoZip(
        string? teamsAppId, string? botId, string? botDomain, string expectedMessage)
    {
        var result = await RunPackageAsync(teamsAppId, botId, botDomain);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expectedMessage, result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    [Fact]
    public async Task PackageSh_WithToolkitEnvironmentFiles_TakesTheirValues_UserFileWinning()
    {
        var envDir = Directory.CreateDirectory(Path.Combine(_outDir.FullName, "env")).FullName;
        await File.WriteAllTextAsync(Path.Combine(envDir, ".env.test"),
            $"# comment\nTEAMS_APP_ID={SampleManifest.TeamsAppId}\nBOT_ID=00000000-0000-0000-0000-000000000000\nBOT_DOMAIN={SampleManifest.BotDomain}\n");
        await File.WriteAllTextAsync(Path.Combine(envDir, ".env.test.user"), $"BOT_ID={SampleManifest.BotId}");

        var result = await RunPackageAsync(null, null, null, ["--env", "test"], envDir);

        Assert.True(result.ExitCode == 0, result.StdErr);
        await using var zip = await ZipFile.OpenReadAsync(ZipPath);
        Assert.Equal(SampleManifest.Text, await ReadEntryTextAsync(zip, "manifest.json"));
    }

    [Fact]
    public async Task PackageSh_WithTheCommittedDevPlaceholders_NamesTheMissingValues()
    {
        var result = await RunPackageAsync(null, null, null, ["--env", "dev"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("missing environment variable(s): TEAMS_APP_ID BOT_ID BOT_DOMAIN", result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(ZipPath));
    }

    private async Task<(int ExitCode, string StdErr)> RunPackageAsync(
        string? teamsAppId, string? botId, string? botDomain, string[]? args = null, string? envDir = null)
    {
        var start = new ProcessStartInfo("/bin/bash", [ManifestPaths.PackageScript, .. args ?? []])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _outDir.FullName,
        };
        SetOrRemove(start, "TEAMS_APP_ID", teamsAppId);
        SetOrRemove(start, "BOT_ID", botId);
        SetOrRemove(start, "BOT_DOMAIN", botDomain);
        start.Environment["PACKAGE_OUT_DIR"] = _outDir.FullName;
        SetOrRemove(start, "MDOBOT_ENV_DIR", envDir);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start /bin/bash.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;
        return (process.ExitCode, await stderr);
    }

    private static void SetOrRemove(ProcessStartInfo start, string name, string? value)
    {
        if (value is null)
        {
            start.Environment.Remove(name);
        }
        else
        {
            start.Environment[name] = value;
        }
    }

    private static async Task<byte[]> ReadEntryBytesAsync(ZipArchive zip, string name)
    {
        await using var stream = await zip.GetEntry(name)!.OpenAsync();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static async Task<string> ReadEntryTextAsync(ZipArchive zip, string name) =>
        System.Text.Encoding.UTF8.GetString(await ReadEntryBytesAsync(zip, name));
}
