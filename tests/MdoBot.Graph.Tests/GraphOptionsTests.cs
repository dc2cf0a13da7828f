using Azure.Identity;
using MdoBot.BotFramework.Outbound;
using MdoBot.Graph.Tests.Support;

namespace MdoBot.Graph.Tests;

public sealed class GraphOptionsTests
{
    public static TheoryData<GraphOptions, bool> EnabledCases => new()
    {
        { new GraphOptions(), false },
        { new GraphOptions { SenderMailbox = "mdo@contoso.example" }, false },
        { new GraphOptions { SenderMailbox = "mdo@contoso.example", CredentialKind = CredentialKind.ClientSecret, TenantId = "t", ClientId = "c" }, false },
        { new GraphOptions { SenderMailbox = "mdo@contoso.example", CredentialKind = CredentialKind.ClientSecret, TenantId = "t", ClientId = "c", ClientSecret = "s" }, true },
        { new GraphOptions { SenderMailbox = "mdo@contoso.example", CredentialKind = CredentialKind.Certificate, TenantId = "t", ClientId = "c", CertificatePath = "/x.pfx" }, true },
        { new GraphOptions { SenderMailbox = "mdo@contoso.example", CredentialKind = CredentialKind.ManagedIdentity }, true },
        { new GraphOptions { CredentialKind = CredentialKind.ManagedIdentity }, false },
        { new GraphOptions { SenderMailbox = " ", Credential = new StaticTokenCredential() }, false },
        { new GraphOptions { SenderMailbox = "mdo@contoso.example", Credential = new StaticTokenCredential() }, true },
    };

    [Theory]
    [MemberData(nameof(EnabledCases))]
    public void Enabled_NeedsSenderMailboxAndCredentials(GraphOptions options, bool enabled) => Assert.Equal(enabled, options.Enabled);

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", true)]
    [InlineData("http://127.0.0.1:5000/v1.0", true)]
    [InlineData("http://graph.example.com/v1.0", false)]
    [InlineData("graph.microsoft.com", false)]
    public void Validate_BaseUrl_MustBeHttpsOrLoopback(string baseUrl, bool valid) =>
        Assert.Equal(valid, new GraphOptions { BaseUrl = baseUrl }.Validate() is null);

    [Fact]
    public void CredentialFactory_ClientSecret_BuildsClientSecretCredential() =>
        Assert.IsType<ClientSecretCredential>(GraphCredentialFactory.Create(new GraphOptions
        {
            CredentialKind = CredentialKind.ClientSecret, TenantId = "contoso.example", ClientId = "app", ClientSecret = "secret",
        }));

    [Fact]
    public void CredentialFactory_MultiTenantAlias_IsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GraphCredentialFactory.Create(new GraphOptions
        {
            CredentialKind = CredentialKind.ClientSecret, TenantId = "common", ClientId = "app", ClientSecret = "secret",
        }));
        Assert.Contains("Graph:TenantId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialFactory_HostCredential_WinsOverConfiguration()
    {
        var host = new StaticTokenCredential();
        Assert.Same(host, GraphCredentialFactory.Create(new GraphOptions { Credential = host, CredentialKind = CredentialKind.ManagedIdentity }));
    }

    [Fact]
    public void CredentialFactory_None_ReturnsNull() => Assert.Null(GraphCredentialFactory.Create(new GraphOptions()));
}
