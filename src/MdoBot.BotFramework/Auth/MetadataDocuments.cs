using Microsoft.IdentityModel.Protocols;

namespace MdoBot.BotFramework.Auth;

/// <summary>
/// Fetches the OpenID metadata and JWKS documents for <see cref="Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfigurationRetriever"/>:
/// one GET per document (no hidden retry: the key source owns the back-off), https only when <paramref name="requireHttps"/>.
/// </summary>
internal sealed class MetadataDocuments(HttpClient http, bool requireHttps) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            throw new OpenIdMetadataException("OpenID document address is not an absolute URL.");
        }

        if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new OpenIdMetadataException("OpenID metadata points to a document that is not https.");
        }

        return await http.GetStringAsync(uri, cancel).ConfigureAwait(false);
    }
}
