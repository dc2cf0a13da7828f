using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MdoBot.BotFramework.Auth;
using Microsoft.IdentityModel.Tokens;

namespace MdoBot.Teams.Tests.Auth;

public sealed class BotSigningKeysTests
{
    [Fact]
    public void ReadKeys_X5cOnlyEntry_UsesCertificateKey()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var der = Convert.ToBase64String(cert.Export(X509ContentType.Cert));

        var keys = BotSigningKeys.From(new JsonWebKeySet($$"""{"keys":[{"kty":"RSA","kid":"c1","x5c":["{{der}}"],"endorsements":["msteams"]}]}"""));

        var key = Assert.IsType<X509SecurityKey>(keys["c1"].Key);
        Assert.Equal(cert.Thumbprint, key.Certificate.Thumbprint);
        Assert.Equal(["msteams"], keys["c1"].Endorsements);
    }

    [Fact]
    public void ReadKeys_UnusableEntries_AreSkipped()
    {
        const string json = """
            {"keys":[
              {"kty":"EC","kid":"ec","crv":"P-256","x":"AA","y":"AA"},
              {"kty":"RSA","n":"AQAB","e":"AQAB"},
              {"kty":"RSA","kid":"enc","use":"enc","n":"AQAB","e":"AQAB"},
              {"kty":"RSA","kid":"nomaterial"},
              {"kty":"RSA","kid":"ok","n":"AQAB","e":"AQAB"}
            ]}
            """;

        var keys = BotSigningKeys.From(new JsonWebKeySet(json));

        Assert.Equal(["ok"], keys.Keys);
        Assert.Empty(keys["ok"].Endorsements);
    }

    [Fact]
    public void From_NoKeySet_Throws() =>
        Assert.Throws<OpenIdMetadataException>(() => BotSigningKeys.From(null));

    [Fact]
    public void JsonWebKeySet_NoKeysArray_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new JsonWebKeySet("""{"keys":{}}"""));
}
