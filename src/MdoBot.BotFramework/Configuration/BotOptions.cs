using MdoBot.BotFramework.Outbound;

namespace MdoBot.BotFramework.Configuration;

/// <summary>Configuration section <c>Bot</c>.</summary>
public sealed class BotOptions : ICredentialOptions
{
    string? ICredentialOptions.CredentialClientId => AppId;

    public const string Section = "Bot";

    /// <summary>The Entra app id of the bot registration. Empty = development mode.</summary>
    public string? AppId { get; set; }

    /// <summary>The bot's home tenant (single-tenant registration).</summary>
    public string? TenantId { get; set; }

    public CredentialKind CredentialKind { get; set; } = CredentialKind.None;

    public string? ClientSecret { get; set; }

    /// <summary>Path to a PFX/PEM certificate for <see cref="CredentialKind.Certificate"/>.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Client id of a user-assigned managed identity (empty = system-assigned).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>OpenID metadata for inbound tokens.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer inbound tokens must carry.</summary>
    public string TokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Scope for outbound connector tokens.</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Entra authority host (override for sovereign clouds).</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com/";

    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(AppId);

    /// <summary>Returns a description of what is wrong, or null when the options are usable.</summary>
    public string? Validate()
    {
        if (!Uri.TryCreate(OpenIdMetadataUrl, UriKind.Absolute, out var metadata)
            || (metadata.Scheme != Uri.UriSchemeHttps && metadata.Scheme != Uri.UriSchemeHttp))
        {
            return "Bot:OpenIdMetadataUrl must be an absolute https URL.";
        }

        // The signing keys decide who may talk to the bot: outside development mode they come over https only.
        return !IsDevelopmentMode && metadata.Scheme != Uri.UriSchemeHttps
            ? $"Bot:OpenIdMetadataUrl must use https when Bot:AppId is set (got '{metadata.Scheme}://'); plain http is only accepted in development mode."
            : null;
    }
}
