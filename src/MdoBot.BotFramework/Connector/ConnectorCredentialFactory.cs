using Azure.Core;
using MdoBot.BotFramework.Configuration;
using MdoBot.BotFramework.Outbound;

namespace MdoBot.BotFramework.Connector;

/// <summary>The connector's credential for <see cref="BotOptions.CredentialKind"/> (see <see cref="CredentialFactory"/>).</summary>
internal static class ConnectorCredentialFactory
{
    private static readonly CredentialNaming Naming = new("Bot", "AppId", "the bot's home tenant (single-tenant registration)");

    /// <summary>Returns null in development mode (no token at all).</summary>
    public static TokenCredential? Create(BotOptions options, Azure.Core.Pipeline.HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.CredentialKind == CredentialKind.None && !options.IsDevelopmentMode)
        {
            throw CredentialFactory.Error(Naming, "Bot:CredentialKind is None but Bot:AppId is set. None (no token) is only allowed in "
                + "development mode without an app id; choose ClientSecret, Certificate or ManagedIdentity.");
        }

        if (options.CredentialKind == CredentialKind.ManagedIdentity)
        {
            CredentialFactory.Require(Naming, options.AppId, "AppId");
        }

        return CredentialFactory.Create(options, Naming, transport);
    }
}
