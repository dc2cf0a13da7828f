using System.Text.Json.Nodes;
using MdoBot.Web;

namespace MdoBot.Infra.Tests;

/// <summary>The web app's settings in the compiled template are exactly keys MdoBot binds, with every required one set.</summary>
public sealed class AppSettingsTests
{
    private static async Task<JsonObject> AppSettingsAsync()
    {
        var (_, web) = ArmTemplate.ModuleWith(await ArmTemplate.MainAsync(), "Microsoft.Web/sites");
        return web["properties"]!["parameters"]!["appSettings"]!["value"]!.AsObject();
    }

    [Fact]
    public void Options_classes_are_found_in_the_code()
    {
        var names = ConfigurationKeys.OptionsTypes.Select(t => t.Name).ToList();
        foreach (var expected in new[] { "BotOptions", "StorageOptions", "SecurityOptions", "GraphOptions", "MdoOptions", "TelemetryOptions" })
        {
            Assert.Contains(expected, names);
        }

        Assert.False(ConfigurationKeys.IsBound("Bot__NoSuchSetting"));
        Assert.True(ConfigurationKeys.IsBound("Security__AllowedTenants__7"));
    }

    [Fact]
    public async Task Every_app_setting_is_a_key_MdoBot_binds()
    {
        var unknown = (await AppSettingsAsync()).Select(p => p.Key).Where(k => !ConfigurationKeys.IsBound(k)).ToList();
        Assert.True(unknown.Count == 0, "not bound by MdoBot: " + string.Join(", ", unknown));
    }

    [Fact]
    public async Task Every_required_setting_is_set()
    {
        var settings = await AppSettingsAsync();
        var required = StartupValidation.ProductionRequired.Select(k => k.Replace(":", "__", StringComparison.Ordinal))
            .Concat(["Bot__ManagedIdentityClientId", "Storage__PostgresAuthentication", "Graph__SenderMailbox", "Graph__TenantId",
                "Graph__ClientId", "Graph__CredentialKind", "Graph__ManagedIdentityClientId", "Mdo__PublicBaseUrl",
                "Telemetry__AzureMonitorConnectionString"]);
        foreach (var key in required)
        {
            Assert.True(settings.ContainsKey(key), $"{key} is not set by the template");
        }

        Assert.Equal("ManagedIdentity", ArmTemplate.Text(settings["Bot__CredentialKind"]));
        Assert.Equal("postgres", ArmTemplate.Text(settings["Storage__Provider"]));
        Assert.Equal("Entra", ArmTemplate.Text(settings["Storage__PostgresAuthentication"]));
        Assert.StartsWith("[format('https://", ArmTemplate.Text(settings["Mdo__PublicBaseUrl"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connection_string_carries_no_password_and_requires_tls()
    {
        var connection = ArmTemplate.Text((await AppSettingsAsync())["Storage__PostgresConnectionString"])!;
        Assert.DoesNotContain("password", connection, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Ssl Mode=Require", connection, StringComparison.Ordinal);
        Assert.Contains("reference('postgres').outputs.host.value", connection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_site_takes_its_settings_from_the_module_parameter()
    {
        var site = ArmTemplate.Single(await ArmTemplate.MainAsync(), "Microsoft.Web/sites");
        var copy = site["properties"]!["siteConfig"]!["copy"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "appSettings")!;
        Assert.Contains("parameters('appSettings')", copy["input"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
