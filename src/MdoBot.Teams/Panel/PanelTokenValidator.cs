using System.Net;
using System.Text.RegularExpressions;
using MdoBot.BotFramework.Auth;
using MdoBot.Teams.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MdoBot.Teams.Panel;

/// <summary>
/// Checks the Teams SSO token of a panel request as an Entra ID v2 token: RS256 signature by a key of the
/// token's tenant (OpenID metadata), issuer <c>{authority}{tid}/v2.0</c>, audience = the app id or the
/// <c>webApplicationInfo.resource</c> URI, lifetime (5 min skew), tenant on the allow-list. Without an app id
/// (development) only a loopback request with a development token <c>dev:{tid}:{oid}</c> is accepted.
/// </summary>
public sealed partial class PanelTokenValidator(
    IOptions<PanelOptions> options, IOptions<SecurityOptions> security, TenantKeySources keys, TimeProvider time)
{
    private const string DevPrefix = "dev:";
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<PanelAuthResult> ValidateAsync(string? authorization, IPAddress? remote, CancellationToken ct)
    {
        const string bearer = "Bearer ";
        var header = authorization?.Trim();
        if (header is null || header.Length > 16_384 || !header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return PanelAuthResult.Refused("missing or non-bearer authorization header");
        }

        var token = header[bearer.Length..].Trim();
        var panel = options.Value;
        return panel.UsesDevelopmentTokens ? ValidateDevelopment(token, remote) : await ValidateEntraAsync(token, panel, ct);
    }

    private PanelAuthResult ValidateDevelopment(string token, IPAddress? remote)
    {
        if (!BotFrameworkAuthenticator.IsLoopback(remote))
        {
            return PanelAuthResult.Refused("development tokens are accepted from loopback only");
        }

        var parts = token.StartsWith(DevPrefix, StringComparison.Ordinal) ? token[DevPrefix.Length..].Split(':') : [];
        return parts is [var tid, var oid] && IdPattern().IsMatch(tid) && IdPattern().IsMatch(oid) && TenantAllowed(tid)
            ? PanelAuthResult.Ok(new PanelUser(tid, oid, null))
            : PanelAuthResult.Refused("malformed development token");
    }

    private async Task<PanelAuthResult> ValidateEntraAsync(string raw, PanelOptions panel, CancellationToken ct)
    {
        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(raw);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return PanelAuthResult.Refused("malformed token");
        }

        // Checked before any key lookup, so that junk (or another tenant's token) cannot make MdoBot fetch metadata.
        if (token.Alg != SecurityAlgorithms.RsaSha256 || string.IsNullOrEmpty(token.Kid))
        {
            return PanelAuthResult.Refused("unsupported token algorithm or no key id");
        }

        if (!token.TryGetPayloadValue<string>("tid", out var tid) || !IdPattern().IsMatch(tid ?? string.Empty) || !TenantAllowed(tid!))
        {
            return PanelAuthResult.Refused("tenant not served");
        }

        BotSigningKey? key;
        try
        {
            key = await keys.For(tid!).GetSigningKeyAsync(token.Kid, ct);
        }
        catch (OpenIdMetadataException)
        {
            return PanelAuthResult.Refused("signing keys unavailable");
        }

        if (key is null)
        {
            return PanelAuthResult.Refused("unknown signing key");
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(panel, tid!, key));
        if (!result.IsValid)
        {
            return PanelAuthResult.Refused(TokenChecks.DescribeFailure(result.Exception));
        }

        return token.TryGetPayloadValue<string>("oid", out var oid) && IdPattern().IsMatch(oid ?? string.Empty)
            ? PanelAuthResult.Ok(new PanelUser(tid!, oid!, token.TryGetPayloadValue<string>("name", out var name) ? name : null))
            : PanelAuthResult.Refused("token has no object id");
    }

    private bool TenantAllowed(string tenantId)
    {
        var allowed = security.Value.AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        return allowed.Count == 0 || allowed.Any(t => string.Equals(t.Trim(), tenantId, StringComparison.OrdinalIgnoreCase));
    }

    private TokenValidationParameters Parameters(PanelOptions panel, string tenantId, BotSigningKey key) => new()
    {
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        IssuerSigningKey = key.Key,
        TryAllIssuerSigningKeys = false,
        ValidateIssuerSigningKey = false, // the key comes from the tenant's own metadata
        ValidIssuer = $"{panel.Authority.TrimEnd('/')}/{tenantId}/v2.0",
        ValidAudiences = new[] { panel.AppId, panel.Resource }.Where(a => !string.IsNullOrWhiteSpace(a)).ToArray(),
        RequireExpirationTime = true,
        ClockSkew = BotFrameworkAuthenticator.ClockSkew,
        LifetimeValidator = (notBefore, expires, _, _) =>
            TokenChecks.CheckLifetime(notBefore, expires, time.GetUtcNow(), BotFrameworkAuthenticator.ClockSkew),
    };

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex IdPattern();
}
