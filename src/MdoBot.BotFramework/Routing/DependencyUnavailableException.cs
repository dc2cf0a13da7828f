namespace MdoBot.BotFramework.Routing;

/// <summary>An outside service a turn needs, each with its own budget (<see cref="Configuration.TurnBudgetOptions"/>).</summary>
public enum TurnDependency
{
    ConnectorToken,
    Members,
    MeetingParticipant,
    Graph,
}

/// <summary>
/// A dependency failed or did not answer within its budget. The router answers the user "not reachable right now"
/// and stores nothing of the turn but that answer; handlers may catch it to answer more specifically.
/// </summary>
public sealed class DependencyUnavailableException : Exception
{
    public DependencyUnavailableException()
    {
    }

    public DependencyUnavailableException(string message)
        : base(message)
    {
    }

    public DependencyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DependencyUnavailableException(TurnDependency dependency, bool timedOut, Exception? innerException)
        : base($"{dependency} {(timedOut ? "did not answer within its budget" : "failed")}.", innerException)
    {
        Dependency = dependency;
        TimedOut = timedOut;
    }

    public TurnDependency Dependency { get; }

    /// <summary>True when the budget ran out (the call may still complete at the other side).</summary>
    public bool TimedOut { get; }
}
