using System.Runtime.CompilerServices;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace MdoBot.Web;

/// <summary>
/// Secrets from Azure Key Vault when <c>KeyVault:Uri</c> is configured: each secret whose name maps to
/// a configuration key (Key Vault names use <c>--</c> for <c>:</c>, e.g. <c>Bot--ClientSecret</c>,
/// <c>Storage--PostgresConnectionString</c>, <c>Graph--ClientSecret</c>) is added on top of the other
/// configuration. Read with the app's managed identity (or the developer's Azure login).
/// </summary>
public static class KeyVaultSecrets
{
    /// <summary>The secrets MdoBot reads; nothing else is fetched from the vault.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["Bot--ClientSecret", "Bot--CertificatePassword", "Storage--PostgresConnectionString", "Graph--ClientSecret", "Graph--CertificatePassword"];

    public static void AddMdoBotKeyVault(this ConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!Uri.TryCreate(configuration["KeyVault:Uri"], UriKind.Absolute, out var vault))
        {
            return;
        }

        AddFromVault(configuration, vault);
    }

    // Apart, so that a process without a vault never loads the Azure Identity and Key Vault assemblies.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddFromVault(ConfigurationManager configuration, Uri vault)
    {
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = configuration["KeyVault:ManagedIdentityClientId"],
        });
        configuration.AddInMemoryCollection(Load(new SecretClient(vault, credential)));
    }

    /// <summary>Reads the known secrets that exist in the vault (a missing one is skipped).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Load(SecretClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        foreach (var name in Names)
        {
            KeyVaultSecret secret;
            try
            {
                secret = client.GetSecret(name).Value;
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                continue;
            }

            yield return new KeyValuePair<string, string?>(name.Replace("--", ":", StringComparison.Ordinal), secret.Value);
        }
    }
}
