using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using MdoBot.Teams.Configuration;

namespace MdoBot.Teams.Connector;

/// <summary>Chooses the Azure.Identity credential for <see cref="BotOptions.CredentialKind"/>, validating the configuration.</summary>
internal static class ConnectorCredentialFactory
{
    private static readonly string[] MultiTenantAliases = ["common", "organizations", "consumers"];

    /// <summary>Returns null in development mode (no token at all).</summary>
    public static TokenCredential? Create(BotOptions options, Azure.Core.Pipeline.HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.CredentialKind)
        {
            case CredentialKind.None:
                return options.IsDevelopmentMode
                    ? null
                    : throw Error("Bot:CredentialKind is None but Bot:AppId is set. None (no token) is only allowed in "
                        + "development mode without an app id; choose ClientSecret, Certificate or ManagedIdentity.");
            case CredentialKind.ClientSecret:
                RequireSingleTenantApp(options);
                Require(options.ClientSecret, "Bot:ClientSecret");
                return new ClientSecretCredential(options.TenantId, options.AppId, options.ClientSecret,
                    WithTransport(new ClientSecretCredentialOptions { AuthorityHost = AuthorityHost(options) }, transport));
            case CredentialKind.Certificate:
                RequireSingleTenantApp(options);
                return new ClientCertificateCredential(options.TenantId, options.AppId, LoadCertificate(options),
                    WithTransport(new ClientCertificateCredentialOptions { AuthorityHost = AuthorityHost(options) }, transport));
            case CredentialKind.ManagedIdentity:
                Require(options.AppId, "Bot:AppId");
                var id = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId);
                return new ManagedIdentityCredential(WithTransport(new ManagedIdentityCredentialOptions(id), transport));
            default:
                throw Error($"Bot:CredentialKind '{options.CredentialKind}' is not supported.");
        }
    }

    private static T WithTransport<T>(T options, Azure.Core.Pipeline.HttpPipelineTransport? transport)
        where T : Azure.Core.ClientOptions
    {
        if (transport is not null)
        {
            options.Transport = transport;
        }

        return options;
    }

    private static void RequireSingleTenantApp(BotOptions options)
    {
        Require(options.AppId, "Bot:AppId");
        Require(options.TenantId, "Bot:TenantId");
        if (MultiTenantAliases.Contains(options.TenantId!.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            throw Error($"Bot:TenantId must be the bot's home tenant (single-tenant registration), not '{options.TenantId}'.");
        }
    }

    private static X509Certificate2 LoadCertificate(BotOptions options)
    {
        Require(options.CertificatePath, "Bot:CertificatePath");
        var path = options.CertificatePath!;
        if (!File.Exists(path))
        {
            throw Error($"Bot:CertificatePath points to '{path}', which does not exist.");
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
            throw Error($"The certificate at Bot:CertificatePath '{path}' has no private key.");
        }

        return certificate;
    }

    private static Uri AuthorityHost(BotOptions options) =>
        Uri.TryCreate(options.AuthorityHost, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw Error("Bot:AuthorityHost must be an absolute https URL.");

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Error($"{name} is required for the configured Bot:CredentialKind.");
        }
    }

    private static InvalidOperationException Error(string message) => new("Bot configuration error: " + message);
}
