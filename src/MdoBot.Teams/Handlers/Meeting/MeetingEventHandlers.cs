using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lifecycle;

namespace MdoBot.Teams.Handlers.Meeting;

/// <summary>
/// Teams' meetingStart event: with a prepared agenda, MdoBot offers to start (it never starts on its own).
/// </summary>
public sealed class MeetingStartHandler(MdoContextFactory factory) : IEventHandler
{
    public string EventName => "application/vnd.microsoft.meetingStart";

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var ctx = await factory.ForConversationAsync(turn, ct);
        if (ctx is { Mdo.State: MdoState.Planned } && ctx.Mdo.TakeMeetingTitle(MeetingTitle.Of(turn.Activity)))
        {
            ctx.Save("mdo.titleFromMeeting");
            ctx.UpdateLiveAgenda();
        }

        if (ctx is { Mdo: { State: MdoState.Planned, Cases.Count: > 0 } })
        {
            turn.SendCard(StartPromptCard.Build(ctx.Mdo, ctx.Language), CardKeys.StartPrompt(ctx.Mdo.Id));
            turn.Changes.Record(new BotFramework.Storage.AuditEntry(turn.Now, null, "meeting.started", ctx.Mdo.ConversationId, ctx.Mdo.Id));
        }
    }
}

/// <summary>Teams' meetingEnd event: a running MDO is closed and its summary posted.</summary>
public sealed class MeetingEndHandler(MdoContextFactory factory, AfterClose afterClose) : IEventHandler
{
    public string EventName => "application/vnd.microsoft.meetingEnd";

    public async Task HandleAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var ctx = await factory.ForConversationAsync(turn, ct);
        if (ctx is { Mdo.State: MdoState.Running })
        {
            if (MeetingFlow.Close(ctx, bySystem: true))
            {
                await afterClose.RunAsync(ctx, ct);
            }
        }
    }
}
