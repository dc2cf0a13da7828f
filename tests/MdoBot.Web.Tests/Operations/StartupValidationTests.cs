using System.Diagnostics;
using MdoBot.Web;
using Microsoft.Extensions.Configuration;

namespace MdoBot.Web.Tests.Operations;

/// <summary>
/// The real process (<c>dotnet MdoBot.Web.dll</c>) refuses a production configuration that lacks a required
/// setting: exit code 1 and one line on stderr naming it, before it touches the database.
/// </summary>
public sealed class StartupValidationTests
{
    private static readonly Dictionary<string, string> Production = new()
    {
        ["Bot__AppId"] = "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        ["Bot__TenantId"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
        ["Bot__CredentialKind"] = "ManagedIdentity",
        ["Security__AllowedTenants__0"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
        ["Storage__Provider"] = "postgres",
        ["Storage__PostgresConnectionString"] = "Host=127.0.0.1;Port=1;Database=mdobot;Username=mdobot-id",
    };

    [Theory]
    [InlineData("Bot__AppId", "Bot:AppId is required in production: the Entra app id of the Azure Bot (set Bot__AppId).")]
    [InlineData("Bot__TenantId", "Bot:TenantId is required in production: the bot's home tenant id (set Bot__TenantId).")]
    [InlineData("Security__AllowedTenants__0", "Security:AllowedTenants:0 is required in production: the tenant ids MdoBot serves (set Security__AllowedTenants__0).")]
    [InlineData("Storage__PostgresConnectionString", "Storage:PostgresConnectionString is required in production: the PostgreSQL connection (set Storage__PostgresConnectionString).")]
    public async Task Production_config_missing_a_setting_refuses_to_start_with_one_line_naming_it(string missing, string line)
    {
        var settings = new Dictionary<string, string>(Production);
        settings.Remove(missing);

        var (exitCode, stderr) = await RunAsync(settings);

        Assert.Equal(1, exitCode);
        Assert.Equal(["MdoBot cannot start: " + line], stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Production_config_with_plain_http_openid_metadata_refuses_to_start()
    {
        var settings = new Dictionary<string, string>(Production)
        {
            ["Bot__OpenIdMetadataUrl"] = "http://login.botframework.com/v1/.well-known/openidconfiguration",
        };

        var (exitCode, stderr) = await RunAsync(settings);

        Assert.Equal(1, exitCode);
        Assert.Contains("Bot:OpenIdMetadataUrl must use https", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_production_config_and_a_development_config_pass()
    {
        Assert.Empty(StartupValidation.Problems(Configuration(Production)));
        Assert.Empty(StartupValidation.Problems(Configuration(new Dictionary<string, string> { ["Storage__Provider"] = "sqlite" })));
        Assert.False(StartupValidation.IsProduction(Configuration([])));
        // Development mode on a shared PostgreSQL (several local instances, the cluster tests) is not production.
        Assert.False(StartupValidation.IsProduction(Configuration(new Dictionary<string, string> { ["Storage__Provider"] = "postgres" })));
    }

    [Fact]
    public void Production_on_sqlite_or_without_a_credential_is_refused()
    {
        var sqlite = new Dictionary<string, string>(Production) { ["Storage__Provider"] = "sqlite" };
        Assert.Equal(["Storage:Provider must be postgres in production (set Storage__Provider=postgres)."], StartupValidation.Problems(Configuration(sqlite)));
        var noCredential = new Dictionary<string, string>(Production) { ["Bot__CredentialKind"] = "None" };
        Assert.Equal(["Bot:CredentialKind must be ClientSecret, Certificate or ManagedIdentity in production (set Bot__CredentialKind)."],
            StartupValidation.Problems(Configuration(noCredential)));
    }

    private static IConfiguration Configuration(Dictionary<string, string> environment) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(p => new KeyValuePair<string, string?>(p.Key.Replace("__", ":", StringComparison.Ordinal), p.Value)))
            .Build();

    private static async Task<(int ExitCode, string Stderr)> RunAsync(Dictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "MdoBot.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.CreateTempSubdirectory("mdobot-start-").FullName,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("MdoBot did not exit: " + await stdout);
        }

        await stdout;
        Directory.Delete(start.WorkingDirectory, recursive: true);
        return (process.ExitCode, await stderr);
    }
}
