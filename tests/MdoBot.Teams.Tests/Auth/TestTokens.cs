using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MdoBot.Teams.Tests.Auth;

/// <summary>Builds Bot Connector-style tokens for tests.</summary>
internal static class TestTokens
{
    public const string Issuer = "https://api.botframework.com";
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    /// <summary>A token valid from now-1 min to now+1 h, unless <paramref name="customize"/> changes it.</summary>
    public static string Create(RSA rsa, string kid, DateTimeOffset now, Action<SecurityTokenDescriptor>? customize = null)
    {
        var key = new RsaSecurityKey(rsa) { KeyId = kid };
        return Create(new SigningCredentials(key, SecurityAlgorithms.RsaSha256), now, customize);
    }

    public static string Create(SigningCredentials credentials, DateTimeOffset now, Action<SecurityTokenDescriptor>? customize = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            IssuedAt = now.UtcDateTime.AddMinutes(-1),
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            Expires = now.UtcDateTime.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = credentials,
        };
        customize?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string CreateUnsigned(string kid, DateTimeOffset now)
    {
        var header = $$"""{"alg":"none","typ":"JWT","kid":"{{kid}}"}""";
        var payload = $$"""
            {"iss":"{{Issuer}}","aud":"{{AppId}}","serviceurl":"{{ServiceUrl}}",
             "nbf":{{now.AddMinutes(-1).ToUnixTimeSeconds()}},"exp":{{now.AddHours(1).ToUnixTimeSeconds()}}}
            """;
        return Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header)) + "."
            + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload)) + ".";
    }
}
