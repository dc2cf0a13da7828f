using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.Handlers.Agenda;

/// <summary>Agenda editor verbs: after each change the editor card is answered fresh and the live agenda updated.</summary>
public abstract class AgendaHandlerBase(MdoContextFactory factory, OrganizerCheck organizers) : ICardVerbHandler
{
    private readonly MdoVerbPipeline<AgendaActionData> _pipeline = new(factory, organizers);

    public abstract string Verb { get; }

    public Task HandleAsync(TurnContext turn, CardVerbData data, CancellationToken ct) =>
        _pipeline.RunAsync(turn, data, new MdoVerbSteps<AgendaActionData>(d => d.MdoId, ExecuteAsync) { ShowFresh = ShowFresh }, ct);

    /// <summary>Runs the domain operation first, then records effects; throws MdoRuleException when refused.</summary>
    protected abstract Task ExecuteAsync(MdoContext ctx, AgendaActionData data, CancellationToken ct);

    protected void ShowFresh(MdoContext ctx, AgendaActionData data) =>
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
