using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.AfterMdo;
using MdoBot.Teams.Documents;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Repositories;
using MdoBot.Teams.MdoFlow.Lookups;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Handlers.Commands;

/// <summary><c>coördinator @naam</c> / <c>coordinator @name</c>: a chair names the series' coordinators.</summary>
public sealed class CoordinatorCommandHandler(MdoContextFactory factory, OrganizerCheck organizers, SeriesRepository series) : MdoCommandHandlerBase(factory, organizers)
{
    public override IReadOnlyCollection<string> Names { get; } = ["coördinator", "coordinator"];

    protected override bool IncludesClosed => true;

    protected override async Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct)
    {
        if (command.Mentions.Count == 0)
        {
            ctx.Turn.Reply(ctx.PersonalLanguage.Text("Commands.mentionTheCoordinatorCoordinatorName"));
            return;
        }

        var loaded = await series.GetOrNewAsync(ctx.Mdo.ConversationId, ct);
        foreach (var m in command.Mentions)
        {
            loaded.Series.AddCoordinator(ctx.Actor, new Participant(m.Id, m.Name), ctx.Mdo);
        }

        SeriesRepository.Save(ctx.Turn.Changes, loaded);
        ctx.Turn.Changes.Record(new BotFramework.Storage.AuditEntry(ctx.Now, ctx.Turn.UserId, "series.coordinatorAdded", ctx.Mdo.ConversationId, ctx.Mdo.Id));
        ctx.Turn.Reply(ctx.PersonalLanguage.Text("Commands.willReceiveTheSummariesOfThis", ("value", string.Join(", ", command.Mentions.Select(m => m.Name)))));
    }
}

/// <summary><c>export &lt;casuscode&gt;</c>: the case summary as Markdown, copy-ready, for the chair or the case lead.</summary>
public sealed class ExportCommandHandler(MdoContextFactory factory, OrganizerCheck organizers) : MdoCommandHandlerBase(factory, organizers)
{
    public override IReadOnlyCollection<string> Names { get; } = ["export", "exporteer", "exporteren"];

    protected override bool IncludesClosed => true;

    protected override Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct)
    {
        var code = command.Arguments.Trim();
        var c = ctx.Mdo.Cases.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase))
            ?? throw new MdoRuleException(MdoError.NotFound, "case not found");
        MdoPolicy.DemandCaseLeadOrChair(ctx.Mdo, c, ctx.Actor);
        var markdown = SummaryText.CaseMarkdown(ctx.Mdo, c, ctx.PersonalLanguage, ctx.TimeZone);
        ctx.Turn.Changes.Record(new BotFramework.Storage.AuditEntry(ctx.Now, ctx.Turn.UserId, "case.exported", ctx.Mdo.ConversationId, ctx.Mdo.Id, c.Id));
        var card = ExportCard.Build(c.Code, markdown, ctx.PersonalLanguage);
        if (ctx.Turn.Conversation.Kind == BotFramework.Storage.ConversationKind.Personal)
        {
            ctx.Turn.SendCard(card);
        }
        else
        {
            // Case content goes only to the person who asked, in their 1:1 chat.
            ctx.Turn.SendPersonal(ctx.Actor.Id, BotFramework.Protocol.Activity.CreateCard(card));
            ctx.Turn.Reply(ctx.PersonalLanguage.Text("Commands.iSentTheExportToYour"));
        }

        return Task.CompletedTask;
    }
}
