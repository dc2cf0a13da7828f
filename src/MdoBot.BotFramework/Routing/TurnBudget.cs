using MdoBot.BotFramework.Configuration;
using MdoBot.BotFramework.Connector;
using MdoBot.BotFramework.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MdoBot.BotFramework.Routing;

/// <summary>The clock of the turn budgets (real time unless replaced, like <see cref="OutboundClock"/>).</summary>
public sealed record TurnBudgetClock(TimeProvider Time);

/// <summary>
/// Runs a call to an outside dependency within its budget (<see cref="TurnBudgetOptions"/>). A failure or a call
/// still running when the budget ends becomes <see cref="DependencyUnavailableException"/>; the caller's own
/// cancellation (the request was aborted) stays a cancellation.
/// </summary>
public sealed partial class TurnBudget(IOptions<TurnBudgetOptions> options, IConnectorTokenProvider tokens, TurnBudgetClock clock, ILogger<TurnBudget> logger)
{
    public TimeSpan For(TurnDependency dependency) => dependency switch
    {
        TurnDependency.ConnectorToken => options.Value.ConnectorToken,
        TurnDependency.Members => options.Value.Members,
        TurnDependency.MeetingParticipant => options.Value.MeetingParticipant,
        _ => options.Value.Graph,
    };

    /// <summary>A Bot Connector read: the token first (within its own budget), then the call within the dependency's.</summary>
    public async Task<T> ConnectorAsync<T>(TurnDependency dependency, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        await RunAsync(TurnDependency.ConnectorToken, async t => await tokens.GetTokenAsync(t).ConfigureAwait(false), ct).ConfigureAwait(false);
        return await RunAsync(dependency, call, ct).ConfigureAwait(false);
    }

    public async Task<T> RunAsync<T>(TurnDependency dependency, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var budget = new CancellationTokenSource(For(dependency), clock.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
        try
        {
            return await call(linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && (budget.IsCancellationRequested || IsFailure(ex)))
        {
            var timedOut = budget.IsCancellationRequested;
            LogUnavailable(logger, dependency, timedOut ? "no answer within budget" : ex.GetType().Name);
            throw new DependencyUnavailableException(dependency, timedOut, ex);
        }
    }

    /// <summary>What an outside service's failure looks like (never our own argument or state errors).</summary>
    private static bool IsFailure(Exception ex) => ex
        is ConnectorException
        or HttpRequestException
        or TimeoutException
        or Azure.RequestFailedException
        or Azure.Identity.AuthenticationFailedException
        or Azure.Identity.CredentialUnavailableException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Dependency} unavailable on the turn path: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, TurnDependency dependency, string reason);
}
