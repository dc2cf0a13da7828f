namespace MdoBot.Graph;

/// <summary>
/// The clock of the Graph client's plumbing (retry back-off, <c>Retry-After</c> waits, attempt time-outs).
/// Like the connector's clock it is separate from the application's <see cref="TimeProvider"/>, so tests
/// that drive MDO time by hand do not stall e-mail; <c>AddMdoBotGraph</c> registers real time unless replaced.
/// </summary>
public sealed record GraphClock(TimeProvider Time);
