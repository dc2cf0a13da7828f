using MdoBot.BotFramework.Configuration;
using MdoBot.BotFramework.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MdoBot.Teams.MdoFlow.Pipeline;

namespace MdoBot.Teams.Panel;

public static class PanelServiceCollectionExtensions
{
    /// <summary>The meeting side panel and stage view: token validation, access checks, chair controls, live changes.</summary>
    public static IServiceCollection AddMdoBotPanel(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PanelOptions>(configuration.GetSection(PanelOptions.Section));
        services.AddSingleton<IPostConfigureOptions<PanelOptions>>(sp => new PostConfigureOptions<PanelOptions>(Options.DefaultName, o =>
        {
            o.AppId = o.AppId is { Length: > 0 } ? o.AppId : sp.GetRequiredService<IOptions<BotOptions>>().Value.AppId;
            // The manifest's webApplicationInfo.resource: api://{the bot's domain}/botid-{app id}.
            if (o.Resource is not { Length: > 0 } && o.AppId is { Length: > 0 } appId
                && Uri.TryCreate(sp.GetRequiredService<IOptions<MdoOptions>>().Value.PublicBaseUrl, UriKind.Absolute, out var publicUrl))
            {
                o.Resource = $"api://{publicUrl.Authority}/botid-{appId}";
            }
        }));
        services.TryAddSingleton(new PanelPollClock(TimeProvider.System));
        services.AddSingleton<TenantKeySources>();
        services.AddSingleton<PanelTokenValidator>();
        services.AddSingleton<PanelParticipants>();
        services.AddSingleton<PanelOrganizers>();
        services.AddSingleton<PanelAccess>();
        services.AddSingleton<PanelCommands>();
        services.AddSingleton<PanelChangeFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<PanelChangeFeed>());
        services.AddSingleton<MemberLinkRecorder>();
        services.AddSingleton<ITurnFilter>(sp => sp.GetRequiredService<MemberLinkRecorder>());
        services.AddHostedService(sp => sp.GetRequiredService<MemberLinkRecorder>());
        return services;
    }
}
