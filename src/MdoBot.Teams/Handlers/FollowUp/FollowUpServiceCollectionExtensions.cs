using MdoBot.Teams.Hosting;
using MdoBot.Teams.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MdoBot.Teams.Handlers.FollowUp;

public static class FollowUpServiceCollectionExtensions
{
    /// <summary>Follow-up of actions: reminders to owners, overdue reports, and open actions of returning cases.</summary>
    public static IServiceCollection AddFollowUp(this IServiceCollection services)
    {
        services.AddSingleton<FollowUpLookup>();
        services.AddSingleton<ICardActionHandler, MarkActionDoneHandler>();
        services.AddSingleton<ICardActionHandler, FollowUpDoneHandler>();
        services.AddSingleton<ICardActionHandler, FollowUpStillOpenHandler>();
        services.AddSingleton<ICardActionHandler, FollowUpDroppedHandler>();
        services.AddSingleton<ITimerHandler, ReminderTimerHandler>();
        services.AddSingleton<ITimerHandler, DueTimerHandler>();
        services.AddSingleton<ITimerHandler, OverdueTimerHandler>();
        return services;
    }
}
