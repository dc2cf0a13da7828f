using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Storage;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.Teams.Handlers.Commands;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Repositories;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.Handlers.Privacy;

/// <summary>
/// <c>audit</c>: the trail of changes of this series (who, what kind, which MDO/case, when — never the
/// content), for a chair of the latest MDO or a coordinator. Sent to the asker's 1:1 chat.
/// </summary>
public sealed class AuditCommandHandler(MdoContextFactory factory, OrganizerCheck organizers, SeriesRepository series, IStore store)
    : MdoCommandHandlerBase(factory, organizers)
{
    public const int MaxEntries = 60;

    public override IReadOnlyCollection<string> Names { get; } = ["audit", "logboek"];

    protected override bool IncludesClosed => true;

    protected override async Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct)
    {
        await series.RequireOverseerAsync(ctx.Mdo.ConversationId, ctx.Actor.Id, ctx.Mdo, ct);

        var entries = await store.GetAuditAsync(ctx.Mdo.ConversationId, MaxEntries, ct);
        var facts = entries.Select(e => new Fact(
            MdoFormat.DateTime(e.At, ctx.TimeZone, ctx.PersonalLanguage),
            $"{e.Action} — {Who(ctx, e)}{(e.Item is null ? "" : $" ({e.Item})")}")).ToList();
        var card = new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(ctx.PersonalLanguage),
            Body =
            [
                MdoTexts.Title(ctx.PersonalLanguage.Text("Privacy.auditTrailOfThisMeetingSeries")),
                MdoTexts.Subtle(ctx.PersonalLanguage.Text("Privacy.theLastChangesWithoutContent", ("factsCount", facts.Count))),
                facts.Count == 0 ? new TextBlock { Text = "–" } : new FactSet { Facts = facts },
            ],
        };
        ctx.Turn.Changes.Record(new AuditEntry(ctx.Now, ctx.Turn.UserId, "audit.viewed", ctx.Mdo.ConversationId));
        ctx.Turn.SendPersonal(ctx.Actor.Id, BotFramework.Protocol.Activity.CreateCard(card));
        ctx.Turn.Reply(ctx.PersonalLanguage.Text("Privacy.iSentTheAuditTrailTo"));
    }

    private static string Who(MdoContext ctx, AuditEntry e) =>
        e.UserId is null ? "MdoBot" : ctx.Members.FirstOrDefault(m => m.Id == e.UserId)?.Name ?? e.UserId;
}
