using MdoBot.Teams.Auth;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Configuration;
using MdoBot.Teams.Connector;
using MdoBot.Teams.Handlers;
using MdoBot.Teams.Handlers.AfterMdo;
using MdoBot.Teams.Handlers.Agenda;
using MdoBot.Teams.Handlers.Commands;
using MdoBot.Teams.Handlers.FollowUp;
using MdoBot.Teams.Handlers.Meeting;
using MdoBot.Teams.Handlers.Privacy;
using MdoBot.Teams.MdoFlow;
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

        services.Configure<Security.SecurityOptions>(configuration.GetSection(Security.SecurityOptions.Section));
        services.AddSingleton<Security.TenantPolicy>();
        services.AddSingleton<Security.TenantRefusal>();
        services.AddSingleton<ITurnFilter, Security.SensitiveInputFilter>();
        services.AddBotFrameworkAuthentication();
        services.AddBotConnector();

        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<TimerSignal>();
        services.AddSingleton<ActivityRouter>();
        services.AddSingleton<TurnProcessor>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<TimerFiring>();
        services.AddOptions<OutboxLeaseOptions>().Bind(configuration.GetSection(OutboxLeaseOptions.Section))
            .Validate(o => o.Validate() is null, "Outbox lease options are invalid (heartbeat 100 ms-30 s, expiry >= 3 heartbeats, 1 s-5 min).").ValidateOnStart();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<TimerScheduler>();
        services.AddSingleton<Compactor>();
        services.AddHostedService(sp => sp.GetRequiredService<Compactor>());
        services.AddSingleton<InboxPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxPruner>());

        services.AddSingleton<IConversationEventHandler, WelcomeHandler>();
        services.AddSingleton<IFallbackMessageHandler, UnknownCommandHandler>();
        services.AddSingleton<ICommandHandler, HelpCommandHandler>();
        services.AddSingleton<ICardActionHandler, ShowHelpAction>();
        services.AddMdoFlow(configuration);
        services.AddFollowUp();
        return services;
    }

    /// <summary>The MDO flow: agenda, meeting control, case and action cards, clock timers, meeting events.</summary>
    private static void AddMdoFlow(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MdoOptions>(configuration.GetSection(MdoOptions.Section));
        services.PostConfigure<MdoOptions>(o => o.RetentionDays = configuration.GetValue("Privacy:RetentionDays", 90));
        services.AddSingleton<MdoRepository>();
        services.AddSingleton<Domain.Persistence.IDocumentIndexer, MdoDocumentIndexer>();
        services.AddSingleton<MemberDirectory>();
        services.AddSingleton<MdoContextFactory>();
        services.AddSingleton<OrganizerCheck>();
        services.AddSingleton<IPostedCards, PostedCards>();
        services.AddSingleton<OpenAgenda>();
        services.AddSingleton<SeriesRepository>();
        services.AddSingleton<AfterClose>();
        services.AddSingleton<EvaluationRepository>();
        services.AddSingleton<IAfterCloseStep, FeedbackDraftStep>();
        services.AddSingleton<IAfterCloseStep, EvaluationInviteStep>();
        services.TryAddSingleton<Mail.IMailGateway, Mail.DisabledMailGateway>();

        foreach (var handler in new[]
        {
            typeof(OpenAgendaAction), typeof(AddCaseHandler), typeof(EditCaseFormHandler), typeof(SaveCaseHandler), typeof(RemoveCaseHandler),
            typeof(MoveCaseHandler), typeof(SetMeetingLengthHandler), typeof(PrepareInPrivateHandler), typeof(PublishHandler),
            typeof(StartHandler), typeof(NextHandler), typeof(ExtendHandler), typeof(CloseHandler),
            typeof(SaveCaseRecordHandler), typeof(AddActionHandler), typeof(ReassignActionHandler),
            typeof(ConfirmActionHandler), typeof(DeclineActionHandler),
            typeof(CheckFeedbackHandler), typeof(SendFeedbackHandler), typeof(FeedbackInPersonHandler), typeof(SubmitEvaluationHandler),
            typeof(EraseCaseHandler), typeof(EraseMeetingHandler),
        })
        {
            services.AddSingleton(typeof(ICardActionHandler), handler);
        }

        foreach (var command in new[]
        {
            typeof(AgendaCommand), typeof(StartCommand), typeof(NextCommand), typeof(ExtendCommand), typeof(CloseCommand),
            typeof(SummaryCommand), typeof(ChairCommand), typeof(ActionCommand), typeof(CoordinatorCommand), typeof(ExportCommand),
            typeof(EvaluationCommand), typeof(EraseCommand), typeof(AuditCommand),
        })
        {
            services.AddSingleton(typeof(ICommandHandler), command);
        }

        services.AddSingleton<IEventHandler, MeetingStartHandler>();
        services.AddSingleton<IEventHandler, MeetingEndHandler>();
        services.AddSingleton<ITimerHandler, WarningTimerHandler>();
        services.AddSingleton<ITimerHandler, TimeUpTimerHandler>();
        services.AddSingleton<ITimerHandler, RefreshTimerHandler>();
        services.AddSingleton<ITimerHandler, RetentionTimerHandler>();
        services.AddSingleton<ITimerHandler, AttendanceTimerHandler>();
        services.TryAddSingleton<IAttendanceSource, NoAttendanceSource>();
    }
}
