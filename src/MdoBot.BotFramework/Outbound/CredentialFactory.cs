using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace MdoBot.BotFramework.Outbound;

/// <summary>How the app proves its identity to a Microsoft service (the Bot Connector, Microsoft Graph).</summary>
public enum CredentialKind
{
    /// <summary>No credential: development mode for the bot; the feature is off for Graph.</summary>
    None,
    ClientSecret,
    Certificate,
    ManagedIdentity,
}

/// <summary>The credential settings of one configuration section (the bot's, Graph's).</summary>
public interface ICredentialOptions
{
    CredentialKind CredentialKind { get; }

    string? TenantId { get; }

    /// <summary>The app (client) id the credential signs in as.</summary>
    string? CredentialClientId { get; }

    string? ClientSecret { get; }

    string? CertificatePath { get; }

    string? CertificatePassword { get; }

    /// <summary>Client id of a user-assigned managed identity (empty = system-assigned).</summary>
    string? ManagedIdentityClientId { get; }

    string AuthorityHost { get; }
}

/// <summary>How errors name a section's settings: <c>{Section}:{ClientIdKey}</c>, and what its tenant must be.</summary>
public sealed record CredentialNaming(string Section, string ClientIdKey, string TenantRule);

/// <summary>
/// The one place an Azure.Identity credential is chosen and its configuration validated; errors name the
/// setting (never its value, except a tenant alias or a path) and start with "<c>{Section} configuration error:</c>".
/// </summary>
public static class CredentialFactory
{
    private static readonly string[] MultiTenantAliases = ["common", "organizations", "consumers"];

    /// <summary>The credential <paramref name="options"/> ask for; null for <see cref="CredentialKind.None"/>.</summary>
    public static TokenCredential? Create(ICredentialOptions options, CredentialNaming naming, HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(naming);
        var settings = new Settings(options, naming);
        switch (options.CredentialKind)
        {
            case CredentialKind.None:
                return null;
            case CredentialKind.ClientSecret:
                RequireSingleTenantApp(settings);
                Require(settings.Naming, settings.Options.ClientSecret, "ClientSecret");
                return new ClientSecretCredential(settings.Options.TenantId, settings.Options.CredentialClientId, settings.Options.ClientSecret,
                    WithTransport(new ClientSecretCredentialOptions { AuthorityHost = AuthorityHost(settings) }, transport));
            case CredentialKind.Certificate:
                RequireSingleTenantApp(settings);
                return new ClientCertificateCredential(settings.Options.TenantId, settings.Options.CredentialClientId, LoadCertificate(settings),
                    WithTransport(new ClientCertificateCredentialOptions { AuthorityHost = AuthorityHost(settings) }, transport));
            case CredentialKind.ManagedIdentity:
                var id = string.IsNullOrWhiteSpace(settings.Options.ManagedIdentityClientId)
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(settings.Options.ManagedIdentityClientId);
                return new ManagedIdentityCredential(WithTransport(new ManagedIdentityCredentialOptions(id), transport));
            default:
                throw Error(settings.Naming, $"{settings.Naming.Section}:CredentialKind '{settings.Options.CredentialKind}' is not supported.");
        }
    }

    /// <summary>Throws the section's configuration error when <paramref name="value"/> is empty.</summary>
    public static void Require(CredentialNaming naming, string? value, string key)
    {
        ArgumentNullException.ThrowIfNull(naming);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Error(naming, $"{naming.Section}:{key} is required for the configured {naming.Section}:CredentialKind.");
        }
    }

    public static InvalidOperationException Error(CredentialNaming naming, string message)
    {
        ArgumentNullException.ThrowIfNull(naming);
        return new($"{naming.Section} configuration error: {message}");
    }

    /// <summary>Sends the credential's token requests through <paramref name="transport"/> (tests: a local stand-in for Entra).</summary>
    private static T WithTransport<T>(T options, HttpPipelineTransport? transport)
        where T : ClientOptions
    {
        if (transport is not null)
        {
            options.Transport = transport;
        }

        return options;
    }

    private static void RequireSingleTenantApp(Settings settings)
    {
        Require(settings.Naming, settings.Options.CredentialClientId, settings.Naming.ClientIdKey);
        Require(settings.Naming, settings.Options.TenantId, "TenantId");
        if (MultiTenantAliases.Contains(settings.Options.TenantId!.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            throw Error(settings.Naming, $"{settings.Naming.Section}:TenantId must be {settings.Naming.TenantRule}, not '{settings.Options.TenantId}'.");
        }
    }

    private static X509Certificate2 LoadCertificate(Settings settings)
    {
        Require(settings.Naming, settings.Options.CertificatePath, "CertificatePath");
        var path = settings.Options.CertificatePath!;
        if (!File.Exists(path))
        {
            throw Error(settings.Naming, $"{settings.Naming.Section}:CertificatePath points to '{path}', which does not exist.");
        }

        var password = settings.Options.CertificatePassword;
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
            throw Error(settings.Naming, $"The certificate at {settings.Naming.Section}:CertificatePath '{path}' has no private key.");
        }

        return certificate;
    }

    private static Uri AuthorityHost(Settings settings) =>
        Uri.TryCreate(settings.Options.AuthorityHost, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw Error(settings.Naming, $"{settings.Naming.Section}:AuthorityHost must be an absolute https URL.");

    private sealed record Settings(ICredentialOptions Options, CredentialNaming Naming);
}
