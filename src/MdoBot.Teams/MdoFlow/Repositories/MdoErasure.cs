using System.Text.Json;
using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Storage;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lifecycle;

namespace MdoBot.Teams.MdoFlow.Repositories;

/// <summary>
/// Erasure of MDO content (retention period over, or a chair's request): the stored text goes, the
/// cards MdoBot posted are replaced by a "deleted" notice, and the storage is compacted afterwards.
/// </summary>
public static class MdoErasure
{
    public const string RetentionKind = "mdo.retention";

    public static string RetentionKey(string mdoId) => $"retention:{mdoId}";

    /// <summary>Schedules the retention job of a just-closed MDO (a stored timer; survives restarts).</summary>
    public static void ScheduleRetention(MdoContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var due = (ctx.Mdo.ClosedAt ?? ctx.Now) + TimeSpan.FromDays(ctx.Options.RetentionDays);
        ctx.Turn.Changes.Schedule(new TimerRecord(RetentionKey(ctx.Mdo.Id), RetentionKind, due, ctx.Mdo.ConversationId,
            JsonSerializer.Serialize(new { mdoId = ctx.Mdo.Id })));
    }

    /// <summary>Replaces the posted cards of these cases (and, for the whole MDO, its agenda and summary) and records the erasure.</summary>
    public static void AfterErase(MdoContext ctx, IReadOnlyList<MdoCase> cases, bool wholeMdo, string auditAction)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(cases);
        // Messages of this MDO not delivered yet (or failed) hold its text: they go, the notices below replace them.
        ctx.Turn.Changes.PurgeScope(ctx.Mdo.Id);
        var notice = NoticeCard.Build(
            ctx.Language.Text("Flow.contentDeleted"),
            ctx.Language.Text("Flow.theContentOfThisCardWas"),
            ctx.Language);
        foreach (var c in cases)
        {
            ctx.Turn.UpdateCardIn(ctx.MdoConversation, CardKeys.Case(ctx.Mdo.Id, c.Id), notice);
            foreach (var a in c.Actions)
            {
                ctx.Turn.UpdateCardIn(ctx.MdoConversation, CardKeys.Action(ctx.Mdo.Id, a.Id), notice);
                Handlers.FollowUp.ActionReminders.Cancel(ctx.Turn.Changes, ctx.Mdo.Id, a.Id); // no reminders about erased actions
            }
        }

        if (wholeMdo)
        {
            ctx.Turn.UpdateCardIn(ctx.MdoConversation, CardKeys.LiveAgenda(ctx.Mdo.Id), notice);
            ctx.Turn.UpdateCardIn(ctx.MdoConversation, CardKeys.Summary(ctx.Mdo.Id), notice);
            ctx.Turn.Changes.CancelTimer(RetentionKey(ctx.Mdo.Id));
            ctx.Turn.Changes.CancelTimer(MdoClockTimers.WarningKey(ctx.Mdo.Id));
            ctx.Turn.Changes.CancelTimer(MdoClockTimers.TimeUpKey(ctx.Mdo.Id));
            ctx.Turn.Changes.CancelTimer(MdoClockTimers.RefreshKey(ctx.Mdo.Id));
        }

        ctx.Save(auditAction, cases.Count == 1 && !wholeMdo ? cases[0].Id : null);
        ctx.Turn.Changes.CompactAfterCommit = true;
    }
}
