using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.MdoFlow;

namespace MdoBot.Teams.Handlers.Agenda;

/// <summary>Agenda editor verbs: after each change the editor card is answered fresh and the live agenda updated.</summary>
public abstract class AgendaHandlerBase(MdoContextFactory factory, OrganizerCheck organizers)
    : MdoActionHandler<AgendaActionData>(factory, organizers)
{
    protected override string? MdoIdOf(AgendaActionData data) => data.MdoId;

    protected override void ShowFresh(MdoContext ctx, AgendaActionData data) =>
        ctx.Turn.ReplyCard(ctx.Editor(notice: RuleMessages.For(new MdoRuleException(MdoError.StaleAgenda, "stale"), ctx.Language)).Card);

    /// <summary>Saves, answers the editor card and refreshes the live agenda (if it was posted).</summary>
    protected static void Done(MdoContext ctx, string auditAction, string? caseId = null, string? editingCaseId = null)
    {
        ctx.Save(auditAction, caseId);
        ctx.Turn.ReplyCard(ctx.Editor(editingCaseId).Card);
        ctx.UpdateLiveAgenda();
    }

    protected static CaseDraft Draft(MdoContext ctx, AgendaActionData d) => new(
        d.Code ?? string.Empty,
        MemberDirectory.Find(ctx.Members, d.Presenter),
        d.Question,
        string.Equals(d.ParentsJoin, "true", StringComparison.OrdinalIgnoreCase),
        d.TimeBox ?? 20,
        new FamilyView(d.FamilyWants, d.FamilyCan, d.FamilyNeeds));
}
