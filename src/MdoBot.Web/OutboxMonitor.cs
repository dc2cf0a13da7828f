using System.Diagnostics.Metrics;
using MdoBot.Storage;
using MdoBot.BotFramework.Diagnostics;

namespace MdoBot.Web;

/// <summary>
/// Samples the outbox (pending, oldest pending age, dead letters) for the metrics and for <c>/readyz</c>.
/// The age is read from the oldest waiting message's stored time (<c>outbox.created_at</c>), so every instance
/// sees the same age however recently it started; samples are taken every 30 s and on each readiness check.
/// </summary>
public sealed class OutboxMonitor : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private readonly SqlStore _store;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private OutboxStats _last = new(0, null, 0);

    public OutboxMonitor(SqlStore store, TimeProvider time, IMeterFactory meters)
    {
        _store = store;
        _time = time;

        // A meter of this host (disposed with it), named like the static one so the same AddMeter exports both.
        var meter = meters.Create(BotTelemetry.Name);
        meter.CreateObservableGauge("mdobot.outbox.pending", () => Last.Stats.Pending, "{message}", "Outgoing messages waiting for delivery");
        meter.CreateObservableGauge("mdobot.outbox.oldest_age", () => Last.OldestAge.TotalSeconds, "s", "Age of the oldest waiting outgoing message");
        meter.CreateObservableGauge("mdobot.outbox.dead_letters", () => Last.Stats.DeadLetters, "{message}", "Outgoing messages given up for good");
    }

    public (OutboxStats Stats, TimeSpan OldestAge) Last
    {
        get
        {
            lock (_gate)
            {
                var age = _last.OldestPendingSince is { } since ? _time.GetUtcNow() - since : TimeSpan.Zero;
                return (_last, age < TimeSpan.Zero ? TimeSpan.Zero : age);
            }
        }
    }

    public async Task<(OutboxStats Stats, TimeSpan OldestAge)> SampleAsync(CancellationToken ct)
    {
        var stats = await _store.GetOutboxStatsAsync(ct);
        lock (_gate)
        {
            _last = stats;
        }

        return Last;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // The readiness check reports the database; the gauges keep their last values.
            }

            try
            {
                await Task.Delay(Interval, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
