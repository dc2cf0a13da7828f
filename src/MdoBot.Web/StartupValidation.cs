using MdoBot.BotFramework.Configuration;
using MdoBot.BotFramework.Outbound;
using Microsoft.Extensions.Options;

namespace MdoBot.Web;

/// <summary>
/// Refuses a production configuration that lacks what MdoBot needs there, at start-up (ValidateOnStart),
/// with one line per missing setting. A configuration is a production one as soon as it names an app id
/// or a credential; without either MdoBot runs in development mode (on SQLite or PostgreSQL).
/// </summary>
public static class StartupValidation
{
    /// <summary>The settings a production configuration must set (configuration keys, <c>:</c>-separated).</summary>
    public static readonly IReadOnlyList<string> ProductionRequired =
        ["Bot:AppId", "Bot:TenantId", "Bot:CredentialKind", "Security:AllowedTenants:0", "Storage:Provider", "Storage:PostgresConnectionString"];

    public static bool IsProduction(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // PostgreSQL alone is not production: development mode on a shared PostgreSQL (several local instances) is legitimate.
        return Set(configuration["Bot:AppId"])
            || (Set(configuration["Bot:CredentialKind"]) && !string.Equals(configuration["Bot:CredentialKind"], nameof(CredentialKind.None), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What is wrong with a production configuration, one sentence per setting (empty when fine).</summary>
    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!IsProduction(configuration))
        {
            yield break;
        }

        if (!Set(configuration["Bot:AppId"]))
        {
            yield return Missing("Bot:AppId", "the Entra app id of the Azure Bot");
        }

        if (!Set(configuration["Bot:TenantId"]))
        {
            yield return Missing("Bot:TenantId", "the bot's home tenant id");
        }

        if (string.Equals(configuration["Bot:CredentialKind"] ?? nameof(CredentialKind.None), nameof(CredentialKind.None), StringComparison.OrdinalIgnoreCase))
        {
            yield return "Bot:CredentialKind must be ClientSecret, Certificate or ManagedIdentity in production (set Bot__CredentialKind).";
        }

        if (!configuration.GetSection("Security:AllowedTenants").GetChildren().Any(c => Set(c.Value)))
        {
            yield return Missing("Security:AllowedTenants:0", "the tenant ids MdoBot serves");
        }

        if (!string.Equals(configuration["Storage:Provider"], "postgres", StringComparison.OrdinalIgnoreCase))
        {
            yield return "Storage:Provider must be postgres in production (set Storage__Provider=postgres).";
        }

        if (!Set(configuration["Storage:PostgresConnectionString"]))
        {
            yield return Missing("Storage:PostgresConnectionString", "the PostgreSQL connection");
        }
    }

    public static IServiceCollection AddMdoBotStartupValidation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<BotOptions>>(new ProductionValidator(configuration));
        services.AddOptions<BotOptions>().ValidateOnStart();
        return services;
    }

    /// <summary>Runs the start-up validation; on failure writes one line per problem to stderr and returns false.</summary>
    public static bool ValidateMdoBotOptions(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return true;
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                Console.Error.WriteLine("MdoBot cannot start: " + failure);
            }

            return false;
        }
    }

    private static string Missing(string key, string what) =>
        $"{key} is required in production: {what} (set {key.Replace(":", "__", StringComparison.Ordinal)}).";

    private static bool Set(string? value) => !string.IsNullOrWhiteSpace(value);

    private sealed class ProductionValidator(IConfiguration configuration) : IValidateOptions<BotOptions>
    {
        public ValidateOptionsResult Validate(string? name, BotOptions options)
        {
            var problems = Problems(configuration).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
