using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.BotFramework.Diagnostics;

/// <summary>
/// MdoBot's own spans and metrics (source and meter "MdoBot"). Attributes are limited to fixed,
/// non-personal values: the activity type, the invoke name, a card verb only when it is one the
/// router knows (anything else is "other"), timer kinds and outcomes. Never card
/// contents, names, ids or text.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "MdoBot";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> TurnDuration =
        Meter.CreateHistogram<double>("mdobot.turn.duration", "s", "Time to process one incoming activity, commit included");

    private static readonly Histogram<double> CommitDuration =
        Meter.CreateHistogram<double>("mdobot.commit.duration", "s", "Time of one store commit");

    private static readonly Histogram<double> TimerLateness =
        Meter.CreateHistogram<double>("mdobot.timer.lateness", "s", "How long after its due time a stored timer fired");

    private static readonly Counter<long> Throttled =
        Meter.CreateCounter<long>("mdobot.throttled", "{response}", "HTTP 429 answers from the Bot Connector or Graph");

    private static readonly Counter<long> DeadLetters =
        Meter.CreateCounter<long>("mdobot.outbox.dead_letters", "{message}", "Outgoing messages parked for good (refused, or failing temporarily past the maximum age)");

    /// <summary>Starts the span and the duration measurement of one turn.</summary>
    public static Measurement StartTurn(Protocol.Activity activity, IReadOnlyCollection<string> knownVerbs, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var span = Source.StartActivity("mdobot.turn");
        var type = Known(activity.Type);
        span?.SetTag("mdobot.activity_type", type);
        if (activity.Type == ActivityTypes.Invoke)
        {
            span?.SetTag("mdobot.invoke_name", activity.Name is { Length: <= 64 } n && n.Contains('/', StringComparison.Ordinal) ? n : "other");
            span?.SetTag("mdobot.verb", VerbOf(activity, knownVerbs));
        }

        return new Measurement(span, TurnDuration, time, new KeyValuePair<string, object?>("mdobot.activity_type", type));
    }

    /// <summary>One store commit, measured (span and duration); <paramref name="origin"/> is "turn" or "timer".</summary>
    public static async Task<CommitOutcome> CommitAsync(IStore store, ChangeSet changes, TimeProvider time, string origin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var measured = new Measurement(Source.StartActivity("mdobot.commit"), CommitDuration, time,
            new KeyValuePair<string, object?>("mdobot.origin", origin));
        var outcome = await store.CommitAsync(changes, ct);
        measured.Outcome = outcome.ToString().ToLowerInvariant();
        return outcome;
    }

    public static void TimerFired(string kind, TimeSpan lateness) =>
        TimerLateness.Record(Math.Max(0, lateness.TotalSeconds), new KeyValuePair<string, object?>("mdobot.timer_kind", kind));

    /// <summary>Counts a 429 answer; <paramref name="service"/> is "connector" or "graph".</summary>
    public static void ThrottledBy(string service) => Throttled.Add(1, new KeyValuePair<string, object?>("mdobot.service", service));

    /// <summary>Counts a dead letter by its fixed reason and HTTP status (0 = no answer).</summary>
    public static void DeadLettered(string reason, int status) => DeadLetters.Add(1,
        new KeyValuePair<string, object?>("mdobot.reason", reason), new KeyValuePair<string, object?>("mdobot.status", status));

    private static string VerbOf(Protocol.Activity activity, IReadOnlyCollection<string> knownVerbs) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
        && action.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String
        && verb.GetString() is { } v && knownVerbs.Contains(v)
            ? v
            : "other";

    private static string Known(string? type) => type switch
    {
        ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.ConversationUpdate or ActivityTypes.Event
            or ActivityTypes.InstallationUpdate or ActivityTypes.MessageReaction => type,
        _ => "other",
    };

    /// <summary>A running span plus a duration histogram entry, both ended by <see cref="Dispose"/>.</summary>
    public sealed class Measurement(System.Diagnostics.Activity? span, Histogram<double> histogram, TimeProvider time,
        KeyValuePair<string, object?> tag) : IDisposable
    {
        private readonly long _start = time.GetTimestamp();

        /// <summary>Records the outcome (e.g. "committed", "duplicate") on the span and the metric.</summary>
        public string Outcome { get; set; } = "error";

        public void Dispose()
        {
            span?.SetTag("mdobot.outcome", Outcome);
            span?.Dispose();
            histogram.Record(time.GetElapsedTime(_start).TotalSeconds, tag, new KeyValuePair<string, object?>("mdobot.outcome", Outcome));
        }
    }
}
