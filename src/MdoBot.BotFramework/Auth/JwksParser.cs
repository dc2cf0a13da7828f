using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace MdoBot.BotFramework.Auth;

/// <summary>Reads the OpenID configuration document and the JWKS it points to.</summary>
internal static class JwksParser
{
    public static Uri ReadJwksUri(string metadataJson, Uri metadataUrl)
    {
        using var doc = JsonDocument.Parse(metadataJson);
        if (doc.RootElement.ValueKind != JsonValueKind.Object
            || !doc.RootElement.TryGetProperty("jwks_uri", out var uri)
            || uri.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(metadataUrl, uri.GetString(), out var jwksUri))
        {
            throw new OpenIdMetadataException("OpenID metadata has no valid jwks_uri.");
        }

        if (metadataUrl.Scheme == Uri.UriSchemeHttps && jwksUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new OpenIdMetadataException("OpenID metadata points to a jwks_uri that is not https.");
        }

        return jwksUri;
    }

    /// <summary>Parses the RSA signing keys; entries without a kid or usable key material are skipped.</summary>
    public static Dictionary<string, BotSigningKey> ReadKeys(string jwksJson)
    {
        using var doc = JsonDocument.Parse(jwksJson);
        if (doc.RootElement.ValueKind != JsonValueKind.Object
            || !doc.RootElement.TryGetProperty("keys", out var keys)
            || keys.ValueKind != JsonValueKind.Array)
        {
            throw new OpenIdMetadataException("JWKS has no keys array.");
        }

        var result = new Dictionary<string, BotSigningKey>(StringComparer.Ordinal);
        foreach (var entry in keys.EnumerateArray())
        {
            if (TryReadKey(entry) is { } key)
            {
                result[key.KeyId] = key;
            }
        }

        return result;
    }

    private static BotSigningKey? TryReadKey(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object
            || GetString(entry, "kid") is not { Length: > 0 } kid
            || GetString(entry, "kty") is not "RSA"
            || GetString(entry, "use") is not (null or "sig"))
        {
            return null;
        }

        SecurityKey? key = null;
        try
        {
            if (GetString(entry, "n") is { } n && GetString(entry, "e") is { } e)
            {
                var parameters = new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(n), Exponent = Base64UrlEncoder.DecodeBytes(e) };
                key = new RsaSecurityKey(parameters) { KeyId = kid };
            }
            else if (entry.TryGetProperty("x5c", out var x5c) && x5c.ValueKind == JsonValueKind.Array
                && x5c.GetArrayLength() > 0 && x5c[0].GetString() is { } der)
            {
                var cert = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(der));
                key = new X509SecurityKey(cert, kid);
            }
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentException)
        {
            return null;
        }

        return key is null ? null : new BotSigningKey(kid, key, ReadEndorsements(entry));
    }

    private static string[] ReadEndorsements(JsonElement entry) =>
        entry.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];

    private static string? GetString(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
