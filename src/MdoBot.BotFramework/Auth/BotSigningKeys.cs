using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace MdoBot.BotFramework.Auth;

/// <summary>
/// Picks the RSA signing keys out of a JWKS parsed by Microsoft.IdentityModel and reads the
/// Bot Framework "endorsements" extension (the channels a key may sign for) from each entry.
/// </summary>
internal static class BotSigningKeys
{
    /// <summary>Entries without a kid, with another key type or use, or without usable key material are skipped.</summary>
    public static Dictionary<string, BotSigningKey> From(JsonWebKeySet? set)
    {
        if (set is null)
        {
            throw new OpenIdMetadataException("OpenID metadata has no usable jwks_uri.");
        }

        var result = new Dictionary<string, BotSigningKey>(StringComparer.Ordinal);
        foreach (var entry in set.Keys)
        {
            if (entry.Kid is { Length: > 0 } kid
                && entry.Kty == JsonWebAlgorithmsKeyTypes.RSA
                && entry.Use is null or "" or JsonWebKeyUseNames.Sig
                && JsonWebKeyConverter.TryConvertToSecurityKey(entry, out var key))
            {
                result[kid] = new BotSigningKey(kid, key, ReadEndorsements(entry));
            }
        }

        return result;
    }

    private static string[] ReadEndorsements(JsonWebKey entry) =>
        entry.AdditionalData.TryGetValue("endorsements", out var value)
        && value is JsonElement { ValueKind: JsonValueKind.Array } list
            ? [.. list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];
}
