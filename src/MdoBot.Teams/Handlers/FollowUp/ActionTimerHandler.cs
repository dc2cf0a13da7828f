using System.Text.Json;
using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Hosting;
using MdoBot.BotFramework.Routing;
using Microsoft.Extensions.Logging;
using MdoBot.Teams.MdoFlow.Pipeline;

namespace MdoBot.Teams.Handlers.FollowUp;

/// <summary>
/// Shared part of the action timers: load the MDO and act only while the action is still confirmed
/// (not done, dropped or gone). Each timer fires at most once, also after a restart.
/// </summary>
public abstract class ActionTimerHandler(MdoContextFactory factory, ILogger logger) : ITimerHandler
{
    public abstract string Kind { get; }

    /// <summary>Records the timer's effect; returns false when it was skipped (a later timer takes over).</summary>
    protected abstract bool Fire(MdoContext ctx, MdoAction action, MdoCase c);

    public async Task HandleAsync(TurnContext turn, TimerRecord timer, bool late, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(timer);
        var payload = Read(timer.Payload);
        var ctx = payload is null ? null : await factory.ForMdoAsync(turn, payload.MdoId, ct);
        if (ctx is null)
        {
            FollowUpLog.TimerSkipped(logger, Kind, "MDO not found");
            return;
        }

        if (ctx.Mdo.FindAction(payload!.ActionId) is not { Status: ActionStatus.Confirmed } action || ctx.Mdo.FindCase(action.CaseId) is not { } c)
        {
            FollowUpLog.TimerSkipped(logger, Kind, "action no longer open");
            return;
        }

        if (Fire(ctx, action, c))
        {
            FollowUpLog.TimerSent(logger, Kind, late);
        }
        else
        {
            FollowUpLog.TimerSkipped(logger, Kind, "superseded by a later timer");
        }
    }

    protected static void Audit(MdoContext ctx, string auditAction, MdoCase c)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(c);
        ctx.Turn.Changes.Record(new AuditEntry(ctx.Now, null, auditAction, ctx.Mdo.ConversationId, ctx.Mdo.Id, c.Id));
    }

    private static ReminderPayload? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ReminderPayload>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
