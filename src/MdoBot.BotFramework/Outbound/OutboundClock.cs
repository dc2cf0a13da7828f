namespace MdoBot.BotFramework.Outbound;

/// <summary>
/// The clock of outgoing calls' plumbing (retry back-off, <c>Retry-After</c> waits, attempt time-outs, rate-limit
/// windows) for the connector and Microsoft Graph alike. It is separate from the application's
/// <see cref="TimeProvider"/> so that tests can drive the app's time by hand while calls keep real time;
/// production registers <see cref="TimeProvider.System"/> for both.
/// </summary>
public sealed record OutboundClock(TimeProvider Time);
