using System.Reflection;
using MdoBot.BotFramework.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MdoBot.BotFramework.Routing;

/// <summary>
/// The one way handlers are registered: every public, concrete class of an assembly that implements a handler
/// role is added once (a singleton) under each role it plays. What a handler answers is declared by the handler
/// itself (<see cref="ICardVerbHandler.Verb"/>, <see cref="ICommandHandler.Names"/>, <see cref="IEventHandler.EventName"/>,
/// <see cref="ITimerHandler.Kind"/>…); <see cref="ActivityRouter"/> refuses two handlers for the same verb or word.
/// </summary>
public static class HandlerRegistration
{
    /// <summary>The interfaces a handler can implement.</summary>
    public static IReadOnlyList<Type> Roles { get; } =
    [
        typeof(ICardVerbHandler), typeof(ICommandHandler), typeof(IEventHandler), typeof(IInvokeHandler),
        typeof(IConversationEventHandler), typeof(IFallbackMessageHandler), typeof(ITimerHandler),
    ];

    /// <summary>The handler classes of <paramref name="assembly"/>, in a stable order.</summary>
    public static IReadOnlyList<Type> HandlersIn(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && RolesOf(t).Any())
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
    }

    public static IEnumerable<Type> RolesOf(Type handler) => Roles.Where(r => r.IsAssignableFrom(handler));

    public static IServiceCollection AddBotHandlers(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var handler in HandlersIn(assembly))
        {
            services.TryAddSingleton(handler);
            foreach (var role in RolesOf(handler))
            {
                services.AddSingleton(role, sp => sp.GetRequiredService(handler));
            }
        }

        return services;
    }
}
