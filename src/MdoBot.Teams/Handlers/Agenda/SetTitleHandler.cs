using MdoBot.Teams.Cards;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.Handlers.Agenda;

/// <summary>The agenda editor's title field: a chair names the MDO.</summary>
public sealed class SetTitleHandler(MdoContextFactory factory, OrganizerCheck organizers) : AgendaHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.SetTitle;

    protected override Task ExecuteAsync(MdoContext ctx, AgendaActionData data, CancellationToken ct)
    {
        ctx.Mdo.SetTitle(ctx.Actor, data.Title ?? string.Empty);
        Done(ctx, "mdo.titleSet");
        return Task.CompletedTask;
    }
}
