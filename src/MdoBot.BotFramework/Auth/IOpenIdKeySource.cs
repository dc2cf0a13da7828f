using Microsoft.IdentityModel.Tokens;

namespace MdoBot.BotFramework.Auth;

/// <summary>A signing key from the Bot Framework JWKS, with the channels it is endorsed for.</summary>
public sealed record BotSigningKey(string KeyId, SecurityKey Key, IReadOnlyList<string> Endorsements);

/// <summary>Supplies the signing keys published through the OpenID metadata document.</summary>
public interface IOpenIdKeySource
{
    /// <summary>
    /// Returns the key with <paramref name="keyId"/>, or null when it is unknown even after the
    /// (rate-limited) refresh an unknown key id may trigger.
    /// </summary>
    /// <exception cref="OpenIdMetadataException">No keys could be loaded at all.</exception>
    Task<BotSigningKey?> GetSigningKeyAsync(string keyId, CancellationToken ct);
}

/// <summary>The OpenID metadata or its JWKS could not be fetched or parsed.</summary>
public sealed class OpenIdMetadataException : Exception
{
    public OpenIdMetadataException()
    {
    }

    public OpenIdMetadataException(string message)
        : base(message)
    {
    }

    public OpenIdMetadataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
