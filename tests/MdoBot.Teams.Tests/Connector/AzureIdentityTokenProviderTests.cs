using MdoBot.BotFramework.Outbound;
using MdoBot.Testing;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using MdoBot.BotFramework.Configuration;
using MdoBot.BotFramework.Connector;
using Microsoft.Extensions.Options;

namespace MdoBot.Teams.Tests.Connector;

public sealed class AzureIdentityTokenProviderTests
{
    private readonly TestClock _clock = new();

    [Fact]
    public async Task Development_mode_gives_no_token()
    {
        var provider = Create(new BotOptions());

        Assert.Null(await provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public void None_with_an_app_id_is_a_configuration_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Create(new BotOptions { AppId = "app" }));

        Assert.Contains("CredentialKind", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "secret", "Bot:TenantId")]
    [InlineData("common", "secret", "single-tenant")]
    [InlineData("tenant-1", null, "Bot:ClientSecret")]
    public void Client_secret_needs_a_single_tenant_and_a_secret(string? tenant, string? secret, string expected)
    {
        var options = new BotOptions { AppId = "app", TenantId = tenant, ClientSecret = secret, CredentialKind = CredentialKind.ClientSecret };

        var error = Assert.Throws<InvalidOperationException>(() => Create(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_secret_certificate_and_managed_identity_settings_build_a_credential()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"mdobot-{Guid.NewGuid():N}.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=MdoBot test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "pw"));
        }

        try
        {
            Create(new BotOptions { AppId = "app", TenantId = "tenant-1", CredentialKind = CredentialKind.ClientSecret, ClientSecret = "s" });
            Create(new BotOptions { AppId = "app", TenantId = "tenant-1", CredentialKind = CredentialKind.Certificate, CertificatePath = pfx, CertificatePassword = "pw" });
            Create(new BotOptions { AppId = "app", CredentialKind = CredentialKind.ManagedIdentity, ManagedIdentityClientId = "mi-client" });
            Create(new BotOptions { AppId = "app", CredentialKind = CredentialKind.ManagedIdentity });
            Assert.Throws<InvalidOperationException>(() => Create(new BotOptions
            {
                AppId = "app", TenantId = "tenant-1", CredentialKind = CredentialKind.Certificate, CertificatePath = pfx + ".missing",
            }));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task Tokens_are_cached_until_five_minutes_before_expiry()
    {
        var credential = new CountingCredential(_clock, TimeSpan.FromHours(1));
        var provider = new AzureIdentityTokenProvider(credential, "https://api.botframework.com/.default", _clock);

        Assert.Equal("token-1", await provider.GetTokenAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("token-1", await provider.GetTokenAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("token-2", await provider.GetTokenAsync(CancellationToken.None));

        Assert.Equal(["https://api.botframework.com/.default"], credential.LastScopes);
    }

    private AzureIdentityTokenProvider Create(BotOptions options) => new(Options.Create(options), _clock);

    private sealed class CountingCredential(TimeProvider clock, TimeSpan lifetime) : TokenCredential
    {
        private int _issued;

        public string[] LastScopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            LastScopes = requestContext.Scopes;
            var number = Interlocked.Increment(ref _issued);
            return ValueTask.FromResult(new AccessToken($"token-{number}", clock.GetUtcNow() + lifetime));
        }
    }
}
