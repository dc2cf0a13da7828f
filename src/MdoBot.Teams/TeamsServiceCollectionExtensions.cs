using MdoBot.BotFramework.Auth;
using MdoBot.BotFramework.Hosting;
using MdoBot.BotFramework.Routing;
using MdoBot.BotFramework.Storage;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Handlers.Agenda;
using MdoBot.Teams.Handlers.FollowUp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Repositories;
using MdoBot.Teams.MdoFlow.Lookups;
using MdoBot.Teams.MdoFlow.Lifecycle;

namespace MdoBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// The Bot Framework protocol (see <see cref="BotFrameworkServiceCollectionExtensions"/>) and the MDO app: every
    /// handler of this assembly (each declares its own card verb, command words, event or timer kind) and the
    /// services of the MDO flow.
    /// </summary>
    public static IServiceCollection AddMdoBotTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotFramework(configuration);
        services.AddSingleton(new CardSettings { RetentionDays = configuration.GetValue("Privacy:RetentionDays", 90) });
        services.AddSingleton<ITenantRefusal, Security.TenantRefusal>();
        services.AddSingleton<ITurnFilter, Security.SensitiveInputFilter>();
        services.AddBotHandlers(typeof(TeamsServiceCollectionExtensions).Assembly);

        services.Configure<MdoOptions>(configuration.GetSection(MdoOptions.Section));
        services.PostConfigure<MdoOptions>(o => o.RetentionDays = configuration.GetValue("Privacy:RetentionDays", 90));
        services.AddSingleton<MdoRepository>();
        services.AddSingleton<BotFramework.Hosting.IDeadLetterReporter, MdoFlow.Lifecycle.UndeliveredNotices>();
        services.AddSingleton<IDocumentIndexer, MdoDocumentIndexer>();
        services.AddSingleton<MemberDirectory>();
        services.AddSingleton<MdoContextFactory>();
        services.AddSingleton<MeetingDetailsTitle>();
        services.AddSingleton<OrganizerCheck>();
        services.AddSingleton<IPostedCards, PostedCards>();
        services.AddSingleton<OpenAgenda>();
        services.AddSingleton<SeriesRepository>();
        services.AddSingleton<AfterClose>();
        services.AddSingleton<EvaluationRepository>();
        services.AddSingleton<IAfterCloseStep, FeedbackDraftStep>();
        services.AddSingleton<IAfterCloseStep, EvaluationInviteStep>();
        services.AddSingleton<FollowUpLookup>();
        services.TryAddSingleton<IAttendanceSource, NoAttendanceSource>();
        return services;
    }
}
