using MdoBot.BotFramework.Auth;
using MdoBot.BotFramework.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MdoBot.Teams.Tests.Auth;

public sealed class AuthServiceCollectionExtensionsTests
{
    [Fact]
    public void AddBotFrameworkAuthentication_Resolved_ReturnsSingletons()
    {
        var services = new ServiceCollection().AddLogging();
        services.Configure<BotOptions>(o => o.AppId = TestTokens.AppId);

        using var provider = services.AddBotFrameworkAuthentication().BuildServiceProvider();

        var first = provider.GetRequiredService<IInboundAuthenticator>();
        Assert.Same(first, provider.GetRequiredService<IInboundAuthenticator>());
        Assert.Same(provider.GetRequiredService<IOpenIdKeySource>(), provider.GetRequiredService<IOpenIdKeySource>());
        Assert.False(provider.GetRequiredService<BotFrameworkAuthenticator>().IsDevelopmentMode);
    }
}
