using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using MdoBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MdoBot.Web.Tests.Panel;

/// <summary>
/// A stand-in for Entra ID's v2 endpoints over real HTTP: per-tenant OpenID metadata
/// (<c>/{tid}/v2.0/.well-known/openid-configuration</c>) and its JWKS, and tokens as Teams SSO issues them.
/// </summary>
public sealed class EntraTestServer : IAsyncDisposable
{
    public const string KeyId = "entra-test-key";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _forger = RSA.Create(2048);
    private LocalHttpServer? _server;

    public string BaseUrl => _server!.BaseUrl;

    public int MetadataRequests { get; private set; }

    public static async Task<EntraTestServer> StartAsync()
    {
        var fake = new EntraTestServer();
        fake._server = await LocalHttpServer.StartAsync(app =>
        {
            app.MapGet("/{tid}/v2.0/.well-known/openid-configuration", (HttpContext http, string tid) =>
            {
                fake.MetadataRequests++;
                var self = $"{http.Request.Scheme}://{http.Request.Host}/";
                return Results.Json(new Dictionary<string, object>
                {
                    ["issuer"] = $"https://login.microsoftonline.com/{tid}/v2.0",
                    ["jwks_uri"] = $"{self}{tid}/discovery/v2.0/keys",
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                });
            });
            app.MapGet("/{tid}/discovery/v2.0/keys", () =>
            {
                var p = fake._key.ExportParameters(includePrivateParameters: false);
                var key = new { kty = "RSA", use = "sig", kid = KeyId, n = Base64UrlEncoder.Encode(p.Modulus!), e = Base64UrlEncoder.Encode(p.Exponent!) };
                return Results.Text(JsonSerializer.Serialize(new { keys = new[] { key } }), "application/json");
            });
        });
        return fake;
    }

    /// <summary>An Entra v2 access token like the one <c>authentication.getAuthToken</c> returns.</summary>
    public string Token(
        string tenantId, string objectId, string audience, DateTimeOffset now, TimeSpan? lifetime = null, bool forged = false, string? issuerTenant = null)
    {
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        var notBefore = expires < now ? expires - TimeSpan.FromHours(1) : now - TimeSpan.FromMinutes(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = $"https://login.microsoftonline.com/{issuerTenant ?? tenantId}/v2.0",
            Audience = audience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("tid", tenantId), new Claim("oid", objectId), new Claim("ver", "2.0"), new Claim("scp", "access_as_user")]),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(forged ? _forger : _key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _key.Dispose();
        _forger.Dispose();
    }
}
