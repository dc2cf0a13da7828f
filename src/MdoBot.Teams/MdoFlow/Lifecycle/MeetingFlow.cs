using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Repositories;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.MdoFlow.Lifecycle;

/// <summary>Start, next case, extend and close — shared by buttons, typed commands and Teams meeting events.</summary>
public static class MeetingFlow
{
    public static async Task StartAsync(MdoContext ctx, IPostedCards posted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var first = ctx.Mdo.Start(ctx.Actor, ctx.Now);
        ctx.Save("mdo.started", first.Id);
        await PostOrUpdateLiveAgendaAsync(ctx, posted, ct);
        ctx.PostCaseCard(first);
        ctx.UpdateStartPrompt();
        ctx.SyncClock();
    }

    public static void Next(MdoContext ctx, string? expectedCurrentCaseId)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var previous = ctx.Mdo.CurrentCase;
        var next = ctx.Mdo.NextCase(ctx.Actor, ctx.Now, expectedCurrentCaseId);
        ctx.Save("mdo.nextCase", next?.Id);
        if (previous is not null)
        {
            ctx.UpdateCaseCard(previous);
        }

        if (next is not null)
        {
            ctx.PostCaseCard(next);
        }
        else
        {
            ctx.Turn.SendCardTo(ctx.MdoConversation, NoticeCard.Build(
                ctx.Language.Text("Flow.allCasesHaveBeenDiscussed"),
                ctx.Language.Text("Flow.closeTheMdoWithTheClose"),
                ctx.Language));
        }

        ctx.UpdateLiveAgenda();
        ctx.SyncClock();
    }

    public static void Extend(MdoContext ctx, int minutes, string? expectedCurrentCaseId)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.Mdo.Extend(ctx.Actor, minutes, ctx.Now, expectedCurrentCaseId);
        var current = ctx.Mdo.CurrentCase!;
        ctx.Save("case.extended", current.Id);
        ctx.UpdateCaseCard(current);
        ctx.UpdateLiveAgenda();
        ctx.SyncClock();
    }

    /// <summary>Closes by the chair (<paramref name="bySystem"/> false) or the Teams meetingEnd event.</summary>
    public static bool Close(MdoContext ctx, bool bySystem)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var current = ctx.Mdo.CurrentCase;
        if (bySystem)
        {
            if (!ctx.Mdo.CloseBySystem(ctx.Now))
            {
                return false;
            }
        }
        else
        {
            ctx.Mdo.Close(ctx.Actor, ctx.Now);
        }

        ctx.Save(bySystem ? "mdo.closedByMeetingEnd" : "mdo.closed", current?.Id);
        if (current is not null)
        {
            ctx.UpdateCaseCard(ctx.Mdo.FindCase(current.Id)!);
        }

        ctx.UpdateLiveAgenda();
        ctx.SyncClock();
        ctx.PostSummary();
        MdoErasure.ScheduleRetention(ctx);
        AttendanceTimer.Schedule(ctx);
        return true;
    }

    public static async Task PostOrUpdateLiveAgendaAsync(MdoContext ctx, IPostedCards posted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(posted);
        if (await posted.ExistsAsync(ctx.MdoConversation.ConversationId, CardKeys.LiveAgenda(ctx.Mdo.Id), ct))
        {
            ctx.UpdateLiveAgenda();
        }
        else
        {
            ctx.PostLiveAgenda();
        }
    }
}

/// <summary>Whether a keyed card was posted already (so it is updated rather than posted again).</summary>
public interface IPostedCards
{
    Task<bool> ExistsAsync(string conversationId, string cardKey, CancellationToken ct);
}

public sealed class PostedCards(BotFramework.Storage.IOutboxStore outbox) : IPostedCards
{
    public async Task<bool> ExistsAsync(string conversationId, string cardKey, CancellationToken ct) =>
        await outbox.GetPostedActivityIdAsync(conversationId, cardKey, ct) is not null;
}
