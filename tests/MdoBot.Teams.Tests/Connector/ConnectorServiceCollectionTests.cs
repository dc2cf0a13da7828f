using MdoBot.Testing;
using MdoBot.BotFramework.Connector;
using MdoBot.BotFramework.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace MdoBot.Teams.Tests.Connector;

public sealed class ConnectorServiceCollectionTests
{
    [Fact]
    public void Registers_the_client_and_its_collaborators()
    {
        var clock = new TestClock();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);
        services.AddBotConnector();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<ConnectorClient>(provider.GetRequiredService<IConnectorClient>());
        Assert.IsType<AzureIdentityTokenProvider>(provider.GetRequiredService<IConnectorTokenProvider>());
        Assert.Same(provider.GetRequiredService<ConversationRateLimiter>(), provider.GetRequiredService<ConversationRateLimiter>());
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void Falls_back_to_the_system_clock()
    {
        var services = new ServiceCollection().AddLogging().AddBotConnector();
        using var provider = services.BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.NotNull(provider.GetRequiredService<IConnectorClient>());
    }

    [Fact]
    public void Invalid_connector_options_are_reported()
    {
        var services = new ServiceCollection().AddLogging().AddBotConnector()
            .Configure<ConnectorOptions>(o => o.MaxRetries = -1);
        using var provider = services.BuildServiceProvider();

        Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IConnectorClient>());
    }
}
