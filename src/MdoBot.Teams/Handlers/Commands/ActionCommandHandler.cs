using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.Handlers.Commands;

/// <summary><c>actie @naam &lt;tekst&gt; voor &lt;datum&gt;</c> / <c>action @name &lt;text&gt; by &lt;date&gt;</c> on the current case.</summary>
public sealed class ActionCommandHandler(MdoContextFactory factory, OrganizerCheck organizers) : MdoCommandHandlerBase(factory, organizers)
{
    public override IReadOnlyCollection<string> Names { get; } = ["actie", "action"];

    protected override Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct)
    {
        MdoPolicy.DemandChair(ctx.Mdo, ctx.Actor);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ctx.Now, ctx.TimeZone).DateTime);
        if (command.Mentions.Count == 0 && command.Arguments.Contains('@', StringComparison.Ordinal))
        {
            // A typed "@Sanne" is plain text: Teams only sends who is meant when the name is picked from its list.
            ctx.Turn.Reply(ctx.PersonalLanguage.Text("Commands.iCantTellWhoYouMean"));
            return Task.CompletedTask;
        }

        if (command.Mentions.Count != 1 || ActionText.Parse(command.Arguments, command.Mentions[0].Name, today) is not { } parsed)
        {
            ctx.Turn.Reply(ctx.PersonalLanguage.Text("Commands.likeThisActionNameWhatBy"));
            return Task.CompletedTask;
        }

        var current = ctx.Mdo.CurrentCase ?? throw new MdoRuleException(MdoError.InvalidState, "no current case");
        var owner = new Participant(command.Mentions[0].Id, command.Mentions[0].Name);
        var action = ctx.Mdo.AddAction(ctx.Actor, current.Id, owner, parsed.Description, parsed.Due, TimeZoneInfo.ConvertTime(ctx.Now, ctx.TimeZone));
        ctx.Save("action.added", current.Id);
        ctx.PostActionCard(action);
        ctx.UpdateCaseCard(ctx.Mdo.FindCase(current.Id)!);
        return Task.CompletedTask;
    }
}
