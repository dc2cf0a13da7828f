using Azure.Core;
using MdoBot.BotFramework.Outbound;

namespace MdoBot.Graph;

/// <summary>
/// Graph's credential for <see cref="GraphOptions.CredentialKind"/> (see <see cref="CredentialFactory"/>; the same
/// choices as the bot's connector credential). A credential supplied by the host in <see cref="GraphOptions.Credential"/> wins.
/// </summary>
public static class GraphCredentialFactory
{
    private static readonly CredentialNaming Naming = new("Graph", "ClientId", "the app's home tenant (application permissions need a tenant)");

    /// <summary>Returns null when no credential is configured (Graph stays off).</summary>
    public static TokenCredential? Create(GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Credential ?? CredentialFactory.Create(options, Naming);
    }
}
