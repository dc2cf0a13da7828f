namespace MdoBot.Teams.Connector;

/// <summary>
/// The clock of the connector's plumbing (retry back-off, rate-limit windows). It is separate from
/// the application's <see cref="TimeProvider"/> so that tests can drive MDO time by hand while
/// message delivery keeps real time; production registers <see cref="TimeProvider.System"/> for both.
/// </summary>
public sealed record ConnectorClock(TimeProvider Time);
