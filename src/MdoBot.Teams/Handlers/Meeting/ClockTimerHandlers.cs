using System.Text.Json;
using MdoBot.BotFramework.Storage;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Hosting;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lifecycle;

namespace MdoBot.Teams.Handlers.Meeting;

/// <summary>Shared part of the clock timers: load the MDO and check the timer still concerns the current case.</summary>
public abstract class ClockTimerHandler(MdoContextFactory factory) : ITimerHandler
{
    public abstract string Kind { get; }

    protected abstract void Fire(MdoContext ctx, MdoCase current, ClockPayload payload, bool late);

    public async Task HandleAsync(TurnContext turn, TimerRecord timer, bool late, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(timer);
        var payload = JsonSerializer.Deserialize<ClockPayload>(timer.Payload);
        var ctx = payload is null ? null : await factory.ForMdoAsync(turn, payload.MdoId, ct);
        if (ctx is { Mdo: { State: MdoState.Running, CurrentCase: { } current } } && current.Id == payload!.CaseId)
        {
            Fire(ctx, current, payload, late);
        }
    }

    /// <summary>A time notice; in a meeting chat Teams also shows it inside the meeting.</summary>
    protected static void SendNotice(MdoContext ctx, MdoCase current, TimeNoticeKind kind, bool late)
    {
        var clock = ctx.Mdo.CurrentClock(ctx.WarningLead)!;
        var minutesLeft = (int)Math.Ceiling(clock.Remaining(ctx.Now).TotalMinutes);
        var activity = Activity.CreateCard(TimeNoticeCard.Build(ctx.Mdo, current, kind, minutesLeft, late, ctx.Language));
        if (ctx.MdoConversation.Kind == ConversationKind.MeetingChat)
        {
            activity.ChannelData = InMeeting.Notification(ctx.Options.PublicBaseUrl, ctx.Language);
        }

        ctx.Turn.Send(activity);
        ctx.Turn.Changes.Record(new AuditEntry(ctx.Now, null, kind == TimeNoticeKind.Warning ? "case.warningSent" : "case.timeUpSent",
            ctx.Mdo.ConversationId, ctx.Mdo.Id, current.Id));
    }
}

public sealed class WarningTimerHandler(MdoContextFactory factory) : ClockTimerHandler(factory)
{
    public override string Kind => MdoClockTimers.Warning;

    protected override void Fire(MdoContext ctx, MdoCase current, ClockPayload payload, bool late)
    {
        SendNotice(ctx, current, TimeNoticeKind.Warning, late);
        ctx.UpdateCaseCard(current);
    }
}

public sealed class TimeUpTimerHandler(MdoContextFactory factory) : ClockTimerHandler(factory)
{
    public override string Kind => MdoClockTimers.TimeUp;

    protected override void Fire(MdoContext ctx, MdoCase current, ClockPayload payload, bool late)
    {
        SendNotice(ctx, current, TimeNoticeKind.TimeUp, late);
        ctx.UpdateCaseCard(current);
        ctx.UpdateLiveAgenda();
    }
}

/// <summary>Refreshes the case card's time line and the live agenda every few minutes while a case runs.</summary>
public sealed class RefreshTimerHandler(MdoContextFactory factory) : ClockTimerHandler(factory)
{
    public override string Kind => MdoClockTimers.Refresh;

    protected override void Fire(MdoContext ctx, MdoCase current, ClockPayload payload, bool late)
    {
        ctx.UpdateCaseCard(current);
        ctx.UpdateLiveAgenda();
        ctx.Turn.Changes.Schedule(new TimerRecord(MdoClockTimers.RefreshKey(ctx.Mdo.Id), MdoClockTimers.Refresh,
            ctx.Now + TimeSpan.FromMinutes(ctx.Options.RefreshMinutes), ctx.Mdo.ConversationId, JsonSerializer.Serialize(payload)));
    }
}
