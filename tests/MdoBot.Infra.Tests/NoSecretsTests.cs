using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MdoBot.Infra.Tests;

/// <summary>Nothing in infra/ or env/, nor in the compiled template and parameters, holds a secret value.</summary>
public sealed partial class NoSecretsTests
{
    public static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(InfraPaths.Infra, "*", SearchOption.AllDirectories)
            .Concat(Directory.Exists(Path.Combine(InfraPaths.Root, "env"))
                ? Directory.EnumerateFiles(Path.Combine(InfraPaths.Root, "env"), "*", SearchOption.AllDirectories)
                : [])
            .Concat(Directory.EnumerateFiles(InfraPaths.Root, "m365agents*.yml"));

    [Fact]
    public void Source_files_hold_no_secret()
    {
        var files = SourceFiles().ToList();
        Assert.Contains(files, f => f.EndsWith(".env.dev", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.True(FindSecret(text) is null, $"{file}: {FindSecret(text)}");
        }
    }

    [Fact]
    public void The_secret_scan_finds_secrets()
    {
        Assert.NotNull(FindSecret("Host=x;Password=hunter2"));
        Assert.NotNull(FindSecret("param administratorLoginPassword = 'S3cret!'"));
        Assert.NotNull(FindSecret("BOT_PASSWORD=abc123"));
        Assert.NotNull(FindSecret("InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://x"));
        Assert.NotNull(FindSecret("-----BEGIN PRIVATE KEY-----"));
        Assert.Null(FindSecret("BOT_ID=\nparam graphSenderMailbox string = ''"));
    }

    [Fact]
    public async Task Compiled_template_has_no_secure_parameter_or_literal_secret()
    {
        var main = await ArmTemplate.MainAsync();
        var text = main.ToJsonString();
        Assert.DoesNotContain("secureString", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(FindSecret(text));
        foreach (var environment in new[] { "dev", "prod" })
        {
            Assert.Null(FindSecret((await ArmTemplate.ParametersAsync(environment)).ToJsonString()));
        }
    }

    /// <summary>The first thing that looks like a secret value, or null.</summary>
    public static string? FindSecret(string text)
    {
        if (SecretAssignment().Matches(text).FirstOrDefault(m => !IsHarmless(m.Groups["value"].Value)) is { } assigned)
        {
            return assigned.Value;
        }

        var key = PrivateKey().Match(text);
        if (key.Success)
        {
            return key.Value;
        }

        var instrumentation = InstrumentationKey().Match(text);
        return instrumentation.Success ? instrumentation.Value : null;
    }

    /// <summary>
    /// Settings about secrets that are not secrets: switches, template expressions and the name of the
    /// toolkit variable that receives one (SECRET_*, kept in a git-ignored .user file).
    /// </summary>
    private static bool IsHarmless(string value) =>
        value is "Disabled" or "Enabled" or "None" or "true" or "false"
        || value.StartsWith('[') || value.StartsWith('$') || value.Contains('(', StringComparison.Ordinal)
        || ToolkitSecretName().IsMatch(value);

    [GeneratedRegex("^SECRET_[A-Z0-9_]+$")]
    private static partial Regex ToolkitSecretName();


    [GeneratedRegex("""(?i)(password|secret|accountkey|sharedaccesskey|clientsecret|apikey)[A-Za-z_]*\s*["']?\s*[=:]\s*["']?(?<value>[^\s"';,\]\}]{3,})""")]
    private static partial Regex SecretAssignment();

    [GeneratedRegex("-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex("(?i)InstrumentationKey=[0-9a-f-]{36}")]
    private static partial Regex InstrumentationKey();
}
