using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Handlers.Commands;

/// <summary>
/// <c>taal en</c> / <c>language nl</c>: a chair sets the language of the MDO's shared cards. While the MDO runs, the
/// cards already in the chat are re-rendered once, in order. An unknown code gets the list of supported ones.
/// </summary>
public sealed class LanguageCommandHandler(MdoContextFactory factory, OrganizerCheck organizers) : MdoCommandHandlerBase(factory, organizers)
{
    public override IReadOnlyCollection<string> Names { get; } = ["taal", "language"];

    protected override Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct)
    {
        MdoPolicy.DemandChair(ctx.Mdo, ctx.Actor);
        var code = command.Arguments.Split(' ', 2)[0];
        if (Mdo.NormalizeLanguage(code) is null)
        {
            ctx.Turn.Reply(LanguageSwitch.Usage(ctx.PersonalLanguage));
            return Task.CompletedTask;
        }

        var changed = LanguageSwitch.Apply(ctx, code);
        ctx.Turn.Reply(LanguageSwitch.Confirmation(ctx.Language, changed));
        return Task.CompletedTask;
    }
}

/// <summary><c>titel …</c> / <c>title …</c>: a chair names the MDO (the agenda editor has the same field).</summary>
public sealed class TitleCommandHandler(MdoContextFactory factory, OrganizerCheck organizers) : MdoCommandHandlerBase(factory, organizers)
{
    public override IReadOnlyCollection<string> Names { get; } = ["titel", "title"];

    protected override Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct)
    {
        MdoPolicy.DemandChair(ctx.Mdo, ctx.Actor);
        if (string.IsNullOrWhiteSpace(command.Arguments))
        {
            ctx.Turn.Reply(ctx.PersonalLanguage.Text("Commands.useTitleNameOfTheMdo"));
            return Task.CompletedTask;
        }

        if (ctx.Mdo.SetTitle(ctx.Actor, command.Arguments))
        {
            ctx.Save("mdo.titleSet");
            ctx.UpdateLiveAgenda();
        }

        ctx.Turn.Reply(ctx.PersonalLanguage.Text("Commands.theTitleIsNow", ("title", ctx.Mdo.Title)));
        return Task.CompletedTask;
    }
}
