using System.Text.Json.Nodes;

namespace MdoBot.Infra.Tests;

/// <summary>Checks over the compiled ARM JSON of infra/azure.bicep (all modules included).</summary>
public sealed class ArmTemplateTests
{
    private static async Task<JsonObject> PropertiesOf(string type) =>
        ArmTemplate.Single(await ArmTemplate.MainAsync(), type)["properties"]!.AsObject();

    [Theory]
    [InlineData("Microsoft.ManagedIdentity/userAssignedIdentities")]
    [InlineData("Microsoft.BotService/botServices")]
    [InlineData("Microsoft.BotService/botServices/channels")]
    [InlineData("Microsoft.Web/serverfarms")]
    [InlineData("Microsoft.Web/sites")]
    [InlineData("Microsoft.DBforPostgreSQL/flexibleServers")]
    [InlineData("Microsoft.DBforPostgreSQL/flexibleServers/databases")]
    [InlineData("Microsoft.DBforPostgreSQL/flexibleServers/administrators")]
    [InlineData("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules")]
    [InlineData("Microsoft.OperationalInsights/workspaces")]
    [InlineData("Microsoft.Insights/components")]
    public async Task Resource_is_declared(string type)
    {
        Assert.Contains(ArmTemplate.AllResources(await ArmTemplate.MainAsync()), r => ArmTemplate.TypeOf(r) == type);
    }

    [Fact]
    public async Task Bot_is_single_tenant_on_the_managed_identity_with_teams()
    {
        var bot = await PropertiesOf("Microsoft.BotService/botServices");
        Assert.Equal("UserAssignedMSI", bot["msaAppType"]!.GetValue<string>());
        Assert.Equal("[parameters('tenantId')]", bot["msaAppTenantId"]!.GetValue<string>());
        Assert.Equal("[parameters('identityId')]", bot["msaAppMSIResourceId"]!.GetValue<string>());
        var channel = await PropertiesOf("Microsoft.BotService/botServices/channels");
        Assert.Equal("MsTeamsChannel", channel["channelName"]!.GetValue<string>());
        Assert.True(channel["properties"]!["isEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Bot_endpoint_is_the_web_apps_host_and_api_messages()
    {
        var main = await ArmTemplate.MainAsync();
        var (_, botModule) = ArmTemplate.ModuleWith(main, "Microsoft.BotService/botServices");
        Assert.Equal("[parameters('endpoint')]", (await PropertiesOf("Microsoft.BotService/botServices"))["endpoint"]!.GetValue<string>());
        var endpoint = botModule["properties"]!["parameters"]!["endpoint"]!["value"]!.GetValue<string>();

        // The web module is the one declaring the site, and its hostName output is the site's default host name.
        var (webSymbol, webModule) = ArmTemplate.ModuleWith(main, "Microsoft.Web/sites");
        var webReference = webSymbol ?? $"resourceId('Microsoft.Resources/deployments', '{webModule["name"]!.GetValue<string>()}')";
        Assert.Equal($"[format('https://{{0}}/api/messages', reference('{webReference}').outputs.hostName.value)]", endpoint);
        var webTemplate = webModule["properties"]!["template"]!;
        Assert.EndsWith(".defaultHostName]", webTemplate["outputs"]!["hostName"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.Web/sites", webTemplate["outputs"]!["hostName"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Web_app_is_https_only_with_tls_12_no_ftp_always_on_and_health_checked()
    {
        var site = await PropertiesOf("Microsoft.Web/sites");
        var config = site["siteConfig"]!;
        Assert.True(site["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", config["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("1.2", config["scmMinTlsVersion"]!.GetValue<string>());
        Assert.Equal("Disabled", config["ftpsState"]!.GetValue<string>());
        Assert.True(config["alwaysOn"]!.GetValue<bool>());
        Assert.Equal("/healthz", config["healthCheckPath"]!.GetValue<string>());
        Assert.Equal("DOTNETCORE|10.0", config["linuxFxVersion"]!.GetValue<string>());
        var policies = ArmTemplate.AllResources(await ArmTemplate.MainAsync())
            .Where(r => ArmTemplate.TypeOf(r) == "Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(p["properties"]!["allow"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Web_app_runs_as_the_managed_identity()
    {
        var site = ArmTemplate.Single(await ArmTemplate.MainAsync(), "Microsoft.Web/sites");
        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
        Assert.Equal("[parameters('instanceCount')]", site["properties"]!["siteConfig"]!["numberOfWorkers"]!.GetValue<string>());
    }

    [Fact]
    public async Task Postgres_uses_entra_only_with_backups_and_the_identity_as_principal()
    {
        var server = await PropertiesOf("Microsoft.DBforPostgreSQL/flexibleServers");
        Assert.Equal("Enabled", server["authConfig"]!["activeDirectoryAuth"]!.GetValue<string>());
        Assert.Equal("Disabled", server["authConfig"]!["passwordAuth"]!.GetValue<string>());
        Assert.Null(server["administratorLoginPassword"]);
        Assert.Equal("[parameters('backupRetentionDays')]", server["backup"]!["backupRetentionDays"]!.GetValue<string>());
        var admin = await PropertiesOf("Microsoft.DBforPostgreSQL/flexibleServers/administrators");
        Assert.Equal("ServicePrincipal", admin["principalType"]!.GetValue<string>());
        Assert.Equal("[parameters('principalName')]", admin["principalName"]!.GetValue<string>());
        var rule = await PropertiesOf("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules");
        Assert.Equal("0.0.0.0", rule["startIpAddress"]!.GetValue<string>());
        Assert.Equal("0.0.0.0", rule["endIpAddress"]!.GetValue<string>());
    }

    [Fact]
    public async Task Application_insights_is_workspace_based()
    {
        var insights = await PropertiesOf("Microsoft.Insights/components");
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights["WorkspaceResourceId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outputs_give_the_manifest_its_bot_id_and_domain()
    {
        var outputs = (await ArmTemplate.MainAsync())["outputs"]!.AsObject();
        Assert.Contains("clientId", outputs["BOT_ID"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("outputs.hostName.value", outputs["BOT_DOMAIN"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
