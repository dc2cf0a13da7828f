using Azure.Core;
using MdoBot.BotFramework.Outbound;

namespace MdoBot.Graph;

/// <summary>How <c>sendMail</c> is called; see the README of this project for the trade-off.</summary>
public enum GraphMailFormat
{
    /// <summary>
    /// A base64 MIME message (<c>multipart/alternative</c>: our own text/plain and text/html parts).
    /// Graph always keeps a copy in the sender's Sent Items in this format.
    /// </summary>
    Mime,

    /// <summary>A JSON <c>message</c> with the HTML body only and <c>saveToSentItems: false</c>.</summary>
    Json,
}

/// <summary>Configuration section <c>Graph</c>: the mailbox MdoBot sends from and the app that may use it.</summary>
public sealed class GraphOptions : ICredentialOptions
{
    string? ICredentialOptions.CredentialClientId => ClientId;

    public const string Section = "Graph";

    /// <summary>UPN or object id of the mailbox MdoBot sends from (application permission <c>Mail.Send</c>).</summary>
    public string? SenderMailbox { get; set; }

    /// <summary>Entra tenant of the app registration.</summary>
    public string? TenantId { get; set; }

    /// <summary>App (client) id of the registration that holds the Graph application permissions.</summary>
    public string? ClientId { get; set; }

    public CredentialKind CredentialKind { get; set; } = CredentialKind.None;

    public string? ClientSecret { get; set; }

    /// <summary>Path to a PFX/PEM certificate for <see cref="CredentialKind.Certificate"/>.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Client id of a user-assigned managed identity (empty = system-assigned).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Entra authority host (override for sovereign clouds).</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Graph endpoint, overridable so tests can point at a local fake.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Token scope for Graph application permissions.</summary>
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";

    public GraphMailFormat MailFormat { get; set; } = GraphMailFormat.Mime;

    /// <summary>Retries after the first attempt for 429/5xx and network errors (0 = never retry).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First back-off delay when the service sends no <c>Retry-After</c>; later ones double (with jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest <c>Retry-After</c> we wait for; when Graph asks for more the call fails at once.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time-out of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A credential supplied by the host (for example the bot's own Entra credential, so both share
    /// configuration). Set through the factory of <c>AddMdoBotGraph</c>; never bound from configuration.
    /// When null, the credential is built from <see cref="CredentialKind"/> and the fields above.
    /// </summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>True when the configuration names a complete credential (or the host supplied one).</summary>
    public bool HasCredentials => Credential is not null || CredentialKind switch
    {
        CredentialKind.ClientSecret => Set(TenantId) && Set(ClientId) && Set(ClientSecret),
        CredentialKind.Certificate => Set(TenantId) && Set(ClientId) && Set(CertificatePath),
        CredentialKind.ManagedIdentity => true,
        _ => false,
    };

    /// <summary>Graph mail is on: a sender mailbox and credentials are both configured.</summary>
    public bool Enabled => Set(SenderMailbox) && HasCredentials;

    /// <summary>Returns a description of what is wrong, or null when the options are usable.</summary>
    public string? Validate()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUri)
            || !(baseUri.Scheme == Uri.UriSchemeHttps || (baseUri.Scheme == Uri.UriSchemeHttp && baseUri.IsLoopback)))
        {
            return "Graph:BaseUrl must be an absolute https URL (http only on loopback, for tests).";
        }

        if (MaxRetries is < 0 or > 10)
        {
            return "Graph:MaxRetries must be between 0 and 10.";
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromMinutes(5))
        {
            return "Graph:BaseDelay must be between 0 and 5 minutes.";
        }

        if (MaxRetryAfter < TimeSpan.Zero || MaxRetryAfter > TimeSpan.FromMinutes(10))
        {
            return "Graph:MaxRetryAfter must be between 0 and 10 minutes.";
        }

        return AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromMinutes(30)
            ? "Graph:AttemptTimeout must be between 10 ms and 30 minutes."
            : null;
    }

    private static bool Set(string? value) => !string.IsNullOrWhiteSpace(value);
}
