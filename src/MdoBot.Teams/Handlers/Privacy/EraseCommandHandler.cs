using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.Teams.Handlers.Commands;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.Handlers.Privacy;

/// <summary>
/// <c>verwijder casus &lt;code&gt;</c> / <c>delete case &lt;code&gt;</c> and <c>verwijder overleg</c> / <c>delete meeting</c>:
/// a chair gets a confirmation card first (with a reminder to export).
/// </summary>
public sealed class EraseCommandHandler(MdoContextFactory factory, OrganizerCheck organizers) : MdoCommandHandlerBase(factory, organizers)
{
    public override IReadOnlyCollection<string> Names { get; } = ["verwijder", "verwijderen", "delete"];

    protected override bool IncludesClosed => true;

    protected override Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct)
    {
        MdoPolicy.DemandChair(ctx.Mdo, ctx.Actor);
        var words = command.Arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var target = words.Length > 0 ? words[0].ToLowerInvariant() : string.Empty;
        var lang = ctx.Language;
        if (target is "casus" or "case" && words.Length == 2)
        {
            var c = ctx.Mdo.Cases.FirstOrDefault(x => string.Equals(x.Code, words[1], StringComparison.OrdinalIgnoreCase))
                ?? throw new MdoRuleException(MdoError.NotFound, "case not found");
            ctx.Turn.SendCard(Confirmation(
                lang.Text("Privacy.deleteCase", ("code", c.Code)),
                lang.Text("Privacy.allContentOfQuestionFamilyView", ("code", c.Code)),
                new EraseActionData(CardVerbs.EraseCase, ctx.Mdo.Id, c.Id), lang));
        }
        else if (target is "overleg" or "meeting" or "mdo")
        {
            ctx.Turn.SendCard(Confirmation(
                lang.Text("Privacy.deleteThisWholeMdo"),
                lang.Text("Privacy.allContentOfEveryCaseAnd"),
                new EraseActionData(CardVerbs.EraseMeeting, ctx.Mdo.Id), lang));
        }
        else
        {
            ctx.Turn.Reply(lang.Text("Privacy.useDeleteCaseCodeOrDelete"));
        }

        return Task.CompletedTask;
    }

    private static AdaptiveCard Confirmation(string title, string text, EraseActionData data, Language lang)
    {
        var card = NoticeCard.Build(title, text, lang);
        return new AdaptiveCard
        {
            Lang = card.Lang,
            FallbackText = card.FallbackText,
            Body = card.Body,
            Actions = [new ExecuteAction { Title = lang.Text("Privacy.yesDeleteForGood"), Verb = data.Verb, Data = data, Style = "destructive" }],
        };
    }
}
