using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace MdoBot.Graph;

/// <summary>
/// Chooses the Azure.Identity credential for <see cref="GraphOptions.CredentialKind"/>, validating the
/// configuration (the same choices as the bot's connector credential). A credential supplied by the
/// host in <see cref="GraphOptions.Credential"/> wins.
/// </summary>
public static class GraphCredentialFactory
{
    private static readonly string[] MultiTenantAliases = ["common", "organizations", "consumers"];

    /// <summary>Returns null when no credential is configured (Graph stays off).</summary>
    public static TokenCredential? Create(GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Credential is not null)
        {
            return options.Credential;
        }

        switch (options.CredentialKind)
        {
            case GraphCredentialKind.None:
                return null;
            case GraphCredentialKind.ClientSecret:
                RequireSingleTenantApp(options);
                Require(options.ClientSecret, "Graph:ClientSecret");
                return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret,
                    new ClientSecretCredentialOptions { AuthorityHost = AuthorityHost(options) });
            case GraphCredentialKind.Certificate:
                RequireSingleTenantApp(options);
                return new ClientCertificateCredential(options.TenantId, options.ClientId, LoadCertificate(options),
                    new ClientCertificateCredentialOptions { AuthorityHost = AuthorityHost(options) });
            case GraphCredentialKind.ManagedIdentity:
                var id = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId);
                return new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(id));
            default:
                throw Error($"Graph:CredentialKind '{options.CredentialKind}' is not supported.");
        }
    }

    private static void RequireSingleTenantApp(GraphOptions options)
    {
        Require(options.ClientId, "Graph:ClientId");
        Require(options.TenantId, "Graph:TenantId");
        if (MultiTenantAliases.Contains(options.TenantId!.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            throw Error($"Graph:TenantId must be the app's home tenant, not '{options.TenantId}' (application permissions need a tenant).");
        }
    }

    private static X509Certificate2 LoadCertificate(GraphOptions options)
    {
        Require(options.CertificatePath, "Graph:CertificatePath");
        var path = options.CertificatePath!;
        if (!File.Exists(path))
        {
            throw Error($"Graph:CertificatePath points to '{path}', which does not exist.");
        }

        var password = options.CertificatePassword;
        if (Path.GetExtension(path).Equals(".pem", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password);
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw Error($"The certificate at Graph:CertificatePath '{path}' has no private key.");
        }

        return certificate;
    }

    private static Uri AuthorityHost(GraphOptions options) =>
        Uri.TryCreate(options.AuthorityHost, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw Error("Graph:AuthorityHost must be an absolute https URL.");

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Error($"{name} is required for the configured Graph:CredentialKind.");
        }
    }

    private static InvalidOperationException Error(string message) => new("Graph configuration error: " + message);
}
