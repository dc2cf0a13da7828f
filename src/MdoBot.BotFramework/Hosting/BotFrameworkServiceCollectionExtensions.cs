using MdoBot.BotFramework.Auth;
using MdoBot.BotFramework.Configuration;
using MdoBot.BotFramework.Connector;
using MdoBot.BotFramework.Mail;
using MdoBot.BotFramework.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MdoBot.BotFramework.Hosting;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// The Bot Framework protocol: inbound auth and the tenant allow-list, the connector client, routing,
    /// turn processing, the outbox and stored timers (and their background loops). The app adds its handlers,
    /// an <see cref="IFallbackMessageHandler"/> and an <see cref="ITenantRefusal"/>; the host adds the store.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BotOptions>(configuration.GetSection(BotOptions.Section));
        services.Configure<ConnectorOptions>(configuration.GetSection(ConnectorOptions.Section));
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TenantPolicy>();
        services.AddBotFrameworkAuthentication();
        services.AddBotConnector();
        services.AddOptions<TurnBudgetOptions>().Bind(configuration.GetSection(TurnBudgetOptions.Section))
            .Validate(o => o.Validate() is null, "TurnBudget options are invalid (each 10 ms-10 s, together at most 12 s).").ValidateOnStart();
        services.TryAddSingleton(new TurnBudgetClock(TimeProvider.System));
        services.AddSingleton<TurnBudget>();

        services.AddOptions<OutboxLeaseOptions>().Bind(configuration.GetSection(OutboxLeaseOptions.Section))
            .Validate(o => o.Validate() is null, "Outbox lease options are invalid (heartbeat 100 ms-30 s, expiry >= 3 heartbeats, 1 s-5 min).").ValidateOnStart();
        services.AddOptions<OutboxDeliveryOptions>().Bind(configuration.GetSection(OutboxDeliveryOptions.Section))
            .Validate(o => o.Validate() is null, "Outbox delivery options are invalid (MaxAge 1 min-30 days, 1-256 conversations at once, back-off 10 ms-1 h).").ValidateOnStart();
        services.TryAddSingleton(new DeliveryBackoff());
        services.TryAddSingleton<IDeadLetterReporter, NoDeadLetterReporter>();
        services.AddSingleton<DeadLetterReports>();
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<TimerSignal>();
        services.AddSingleton<ActivityRouter>();
        services.AddSingleton<TurnProcessor>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<TimerFiring>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<TimerScheduler>();
        services.AddSingleton<Compactor>();
        services.AddHostedService(sp => sp.GetRequiredService<Compactor>());
        services.AddSingleton<InboxPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxPruner>());
        services.TryAddSingleton<IMailSender, NullMailSender>();
        return services;
    }
}
