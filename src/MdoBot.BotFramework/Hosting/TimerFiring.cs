using System.Text.Json;
using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;
using MdoBot.BotFramework.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MdoBot.BotFramework.Hosting;

/// <summary>Fires one timer as a turn of its conversation: serialized with its turns, committed once.</summary>
public sealed partial class TimerFiring(
    IStore store,
    IEnumerable<ITimerHandler> handlers,
    ConversationLocks locks,
    OutboxSignal outbox,
    TimerSignal timerSignal,
    Compactor compactor,
    TimeProvider time,
    IServiceProvider services,
    ILogger<TimerFiring> logger)
{
    public const string TimerActivityType = "bot/timer";

    /// <summary>How late a timer may fire before it counts as "late" (fell due while MdoBot was down).</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, ITimerHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    public async Task<CommitOutcome> FireAsync(TimerRecord timer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        using var held = await locks.AcquireAsync(timer.ConversationId, ct);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var conversation = await store.GetConversationAsync(timer.ConversationId, ct);
            var now = time.GetUtcNow();
            var late = now - timer.DueAt > LateAfter;
            var activity = new Activity
            {
                Type = TimerActivityType,
                Name = timer.Kind,
                Value = JsonDocument.Parse(timer.Payload).RootElement.Clone(),
                Conversation = new ConversationAccount { Id = timer.ConversationId },
            };
            var changes = conversation is null || !_handlers.TryGetValue(timer.Kind, out var handler)
                ? new ChangeSet() // nothing can be done any more: drop the timer
                : await RunAsync(handler, activity, conversation, now, timer, late, ct);
            changes.FiredTimerKey = timer.Key;
            var outcome = await BotTelemetry.CommitAsync(store, changes, time, "timer", ct);
            if (outcome != CommitOutcome.Conflict)
            {
                if (outcome == CommitOutcome.Committed)
                {
                    LogFired(logger, timer.Kind, (now - timer.DueAt).TotalMilliseconds, late);
                    BotTelemetry.TimerFired(timer.Kind, now - timer.DueAt);
                    outbox.Signal.Notify();
                    timerSignal.Signal.Notify();
                    if (changes.CompactAfterCommit)
                    {
                        compactor.Request();
                    }
                }

                return outcome;
            }
        }

        return CommitOutcome.Conflict;
    }

    private async Task<ChangeSet> RunAsync(ITimerHandler handler, Activity activity, BotFramework.Storage.ConversationRef conversation,
        DateTimeOffset now, TimerRecord timer, bool late, CancellationToken ct)
    {
        var turn = new TurnContext(activity, conversation, LanguageResolver.FromLocale(conversation.Locale), now, services);
        await handler.HandleAsync(turn, timer, late, ct);
        return turn.Changes;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Kind} fired {LatenessMs} ms after due (late: {Late})")]
    private static partial void LogFired(ILogger logger, string kind, double latenessMs, bool late);
}
