using MdoBot.Teams.Auth;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Configuration;
using MdoBot.Teams.Connector;
using MdoBot.Teams.Handlers;
using MdoBot.Teams.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MdoBot.Teams.Hosting;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>The Bot Framework protocol (auth, connector, routing, outbox, timers) and MdoBot's handlers.</summary>
    public static IServiceCollection AddMdoBotTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BotOptions>(configuration.GetSection(BotOptions.Section));
        services.Configure<ConnectorOptions>(configuration.GetSection(ConnectorOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new CardSettings { RetentionDays = configuration.GetValue("Privacy:RetentionDays", 90) });

        services.AddBotFrameworkAuthentication();
        services.AddBotConnector();

        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<TimerSignal>();
        services.AddSingleton<ActivityRouter>();
        services.AddSingleton<TurnProcessor>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<TimerFiring>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<TimerScheduler>();

        services.AddSingleton<IConversationEventHandler, WelcomeHandler>();
        services.AddSingleton<IFallbackMessageHandler, UnknownCommandHandler>();
        services.AddSingleton<ICommandHandler, HelpCommandHandler>();
        services.AddSingleton<ICardActionHandler, ShowHelpAction>();
        return services;
    }
}
