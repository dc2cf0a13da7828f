using System.Security.Cryptography;
using System.Text.Json;
using MdoBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace MdoBot.Teams.Tests.Auth;

/// <summary>A fake Bot Framework OpenID metadata endpoint plus JWKS, served over real HTTP.</summary>
internal sealed class OpenIdTestServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<(string Kid, RSA Rsa, string[] Endorsements)> _keys = [];
    private LocalHttpServer? _server;
    private int _metadataRequests;
    private int _jwksRequests;

    public string MetadataUrl => _server!.BaseUrl + ".well-known/openidconfiguration";

    /// <summary>When true, both endpoints answer 503.</summary>
    public bool Failing { get; set; }

    /// <summary>When set, served verbatim as the metadata document.</summary>
    public string? MetadataBody { get; set; }

    /// <summary>When set, served verbatim as the JWKS.</summary>
    public string? KeysBody { get; set; }

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public static async Task<OpenIdTestServer> StartAsync()
    {
        var fake = new OpenIdTestServer();
        fake._server = await LocalHttpServer.StartAsync(app =>
        {
            app.MapGet("/.well-known/openidconfiguration", fake.ServeMetadata);
            app.MapGet("/keys", fake.ServeKeys);
        });
        return fake;
    }

    public RSA AddKey(string kid, params string[] endorsements)
    {
        var rsa = RSA.Create(2048);
        lock (_gate)
        {
            _keys.Add((kid, rsa, endorsements));
        }

        return rsa;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        foreach (var key in _keys)
        {
            key.Rsa.Dispose();
        }
    }

    private IResult ServeMetadata(HttpContext context)
    {
        Interlocked.Increment(ref _metadataRequests);
        var self = $"{context.Request.Scheme}://{context.Request.Host}/";
        if (MetadataBody is { } body)
        {
            return Results.Text(body, "application/json");
        }

        return Failing
            ? Results.StatusCode(503)
            : Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = "https://api.botframework.com",
                ["jwks_uri"] = self + "keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
    }

    private IResult ServeKeys()
    {
        Interlocked.Increment(ref _jwksRequests);
        if (Failing)
        {
            return Results.StatusCode(503);
        }

        if (KeysBody is { } body)
        {
            return Results.Text(body, "application/json");
        }

        lock (_gate)
        {
            var keys = _keys.Select(k =>
            {
                var p = k.Rsa.ExportParameters(includePrivateParameters: false);
                return new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = k.Kid,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus!),
                    ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
                    ["endorsements"] = k.Endorsements,
                };
            }).ToList();
            return Results.Text(JsonSerializer.Serialize(new { keys }), "application/json");
        }
    }
}
