using MdoBot.Domain.Mdo;

namespace MdoBot.Teams.MdoFlow.Pipeline;

/// <summary>
/// Re-renders every card of the MDO that everyone in the meeting chat shares, once each and in the order
/// they were posted (start prompt, live agenda, case cards in agenda order, each followed by its action
/// cards, then the summary). The updates go through the outbox, which keeps to Teams' rate limits per
/// conversation; a card that was never posted is skipped there.
/// </summary>
public static class SharedCards
{
    public static void Rerender(MdoContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var mdo = ctx.Mdo;
        ctx.UpdateStartPrompt();
        ctx.UpdateLiveAgenda();
        foreach (var c in mdo.Cases.Where(c => c.Status != CaseStatus.Planned))
        {
            ctx.UpdateCaseCard(c);
            foreach (var a in c.Actions)
            {
                ctx.UpdateActionCard(a);
            }
        }

        if (mdo.State == MdoState.Closed)
        {
            ctx.UpdateSummary();
        }
    }
}
