using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;
using MdoBot.BotFramework.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MdoBot.BotFramework.Hosting;

/// <summary>
/// Handles one authenticated activity: per-conversation serialization, duplicate detection,
/// routing, and one atomic commit of everything the handler decided, before the answer.
/// </summary>
public sealed partial class TurnProcessor(
    IStore store,
    ActivityRouter router,
    ConversationLocks locks,
    OutboxSignal outbox,
    TimerSignal timers,
    Compactor compactor,
    TimeProvider time,
    IServiceProvider services,
    ILogger<TurnProcessor> logger)
{
    private const int MaxAttempts = 4;

    public async Task<InvokeResponse?> ProcessAsync(Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation!.Id!;
        var activityId = activity.Id is { Length: > 0 } id ? id : null;
        using var measured = BotTelemetry.StartTurn(activity, router.Verbs, time);
        using var held = await locks.AcquireAsync(conversationId, ct);

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (activityId is not null && attempt == 1 && store.KnownUnseen(conversationId, activityId) is { } horizon)
            {
                // Certainly not seen before, and the commit checks the inbox key and the horizon again: no lookup first.
                if (activity.Timestamp is { } stamped && stamped < horizon)
                {
                    LogTooOld(logger, activity.Type);
                    measured.Outcome = "too_old";
                    return TooOld(activity);
                }
            }
            else if (activityId is not null)
            {
                var seen = await store.LookupInboxAsync(conversationId, activityId, ct);
                if (seen.Entry is { } entry)
                {
                    LogDuplicate(logger, activity.Type);
                    measured.Outcome = "duplicate";
                    return Replay(activity, entry);
                }

                if (activity.Timestamp is { } stamped && stamped < seen.ForgottenBefore)
                {
                    // Older than the inbox window: it may have been processed and forgotten, so it is not processed again.
                    LogTooOld(logger, activity.Type);
                    measured.Outcome = "too_old";
                    return TooOld(activity);
                }
            }

            var turn = await CreateTurnAsync(activity, ct);
            await router.RouteAsync(turn, ct);
            if (activityId is null && !turn.Changes.HasChanges)
            {
                measured.Outcome = "unchanged";
                return turn.InvokeResponse;
            }

            // The answer is serialized once: for the inbox and for the HTTP response.
            var answer = turn.InvokeResponse?.Serialized();
            turn.Changes.Inbox = activityId is null ? null : new InboxRecord(conversationId, activityId, answer?.Status ?? 200, answer?.Json)
            {
                Stamped = activity.Timestamp,
            };
            var outcome = await BotTelemetry.CommitAsync(store, turn.Changes, time, "turn", ct);
            measured.Outcome = outcome.ToString().ToLowerInvariant();
            switch (outcome)
            {
                case CommitOutcome.Committed:
                    Notify(turn.Changes);
                    return answer;
                case CommitOutcome.Duplicate:
                    continue; // seen before (or older than the inbox horizon): the lookup of the next attempt answers it
                default:
                    LogConflict(logger, attempt);
                    break;
            }
        }

        throw new InvalidOperationException("The conversation kept changing; the activity could not be committed.");
    }

    /// <summary>
    /// The answer to a redelivered activity: nothing is processed or stored again; an invoke gets the answer
    /// of the first delivery (kept sealed in the inbox), or — when erasure destroyed it — a short "already done".
    /// </summary>
    private static InvokeResponse? Replay(Activity activity, InboxEntry seen)
    {
        if (activity.Type != ActivityTypes.Invoke)
        {
            return null;
        }

        if (seen.Answer is null)
        {
            return seen.Erased
                ? InvokeResponses.Message(LanguageResolver.Resolve(activity).Text("Protocol.thisActionWasAlreadyProcessed"))
                : new InvokeResponse(seen.Status, null);
        }

        return new InvokeResponse(seen.Status, null) { Json = seen.Answer };
    }

    private static InvokeResponse? TooOld(Activity activity)
    {
        if (activity.Type != ActivityTypes.Invoke)
        {
            return null;
        }

        var language = LanguageResolver.Resolve(activity);
        return InvokeResponses.Message(language.Text("Protocol.thisActionIsTooOldTo"));
    }

    /// <summary>Builds the turn, storing the conversation reference with it when new or changed.</summary>
    private async Task<TurnContext> CreateTurnAsync(Activity activity, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var fresh = ConversationRefs.FromActivity(activity, now);
        var stored = await store.GetConversationAsync(fresh.ConversationId, ct);
        var conversation = stored is null ? fresh : stored with
        {
            ServiceUrl = fresh.ServiceUrl,
            BotId = fresh.BotId,
            MeetingId = fresh.MeetingId ?? stored.MeetingId,
            Locale = stored.Locale ?? fresh.Locale,
            Active = true,
        };
        var language = LanguageResolver.Resolve(activity, LanguageResolver.FromLocale(conversation.Locale));
        var turn = new TurnContext(activity, conversation, language, now, services) { ConversationWasKnown = stored is { Active: true } };
        if (ConversationRefs.NeedsSave(stored, fresh))
        {
            turn.Changes.SaveConversation(conversation);
        }

        return turn;
    }

    private void Notify(ChangeSet changes)
    {
        if (changes.Outbox.Count > 0)
        {
            outbox.Signal.Notify();
        }

        if (changes.Timers.Count > 0 || changes.CancelledTimers.Count > 0)
        {
            timers.Signal.Notify();
        }

        if (changes.CompactAfterCommit)
        {
            compactor.Request();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate {ActivityType} delivery ignored")]
    private static partial void LogDuplicate(ILogger logger, string? activityType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ActivityType} activity older than the inbox window refused")]
    private static partial void LogTooOld(ILogger logger, string? activityType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Concurrent change detected, retrying the turn (attempt {Attempt})")]
    private static partial void LogConflict(ILogger logger, int attempt);
}
