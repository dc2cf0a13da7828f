using System.Text.Json;
using MdoBot.Domain.Persistence;
using MdoBot.Teams.Protocol;
using MdoBot.Teams.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MdoBot.Teams.Hosting;

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
        var inboxKey = activity.Id is { Length: > 0 } id ? $"{conversationId}|{activity.Type}|{id}" : null;
        using var held = await locks.AcquireAsync(conversationId, ct);

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (inboxKey is not null && await store.GetInboxEntryAsync(inboxKey, ct) is { } seen)
            {
                LogDuplicate(logger, activity.Type);
                return Replay(activity, seen);
            }

            var turn = await CreateTurnAsync(activity, ct);
            await router.RouteAsync(turn, ct);
            turn.Changes.InboxKey = inboxKey;
            turn.Changes.InvokeResponse = turn.InvokeResponse is { } r ? JsonSerializer.Serialize(r, ProtocolJson.Options) : null;
            if (inboxKey is null && !turn.Changes.HasChanges)
            {
                return turn.InvokeResponse;
            }

            var outcome = await store.CommitAsync(turn.Changes, ct);
            switch (outcome)
            {
                case CommitOutcome.Committed:
                    Notify(turn.Changes);
                    return turn.InvokeResponse;
                case CommitOutcome.Duplicate:
                    continue; // another instance committed it first: replay its answer
                default:
                    LogConflict(logger, attempt);
                    break;
            }
        }

        throw new InvalidOperationException("The conversation kept changing; the activity could not be committed.");
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

    private static InvokeResponse? Replay(Activity activity, InboxEntry seen)
    {
        if (activity.Type != ActivityTypes.Invoke)
        {
            return null;
        }

        if (seen.InvokeResponse is null)
        {
            return InvokeResponses.Empty();
        }

        using var doc = JsonDocument.Parse(seen.InvokeResponse);
        var status = doc.RootElement.TryGetProperty("status", out var s) && s.TryGetInt32(out var code) ? code : 200;
        var body = doc.RootElement.TryGetProperty("body", out var b) && b.ValueKind != JsonValueKind.Null ? b.Clone() : (object?)null;
        return new InvokeResponse(status, body);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate {ActivityType} delivery ignored")]
    private static partial void LogDuplicate(ILogger logger, string? activityType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Concurrent change detected, retrying the turn (attempt {Attempt})")]
    private static partial void LogConflict(ILogger logger, int attempt);
}

public static class TurnProcessorServices
{
    public static T Get<T>(this TurnContext turn) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Services.GetRequiredService<T>();
    }
}
