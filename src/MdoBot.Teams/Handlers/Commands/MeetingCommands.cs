using System.Globalization;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.Teams.Handlers.Agenda;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;
using MdoBot.Teams.MdoFlow.Lifecycle;

namespace MdoBot.Teams.Handlers.Commands;

public sealed class AgendaCommandHandler(OpenAgenda open) : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["agenda"];

    public Task HandleAsync(TurnContext turn, CommandText command, CancellationToken ct) => open.OpenAsync(turn, ct);
}

public sealed class StartCommandHandler(MdoContextFactory factory, OrganizerCheck organizers, IPostedCards posted) : MdoCommandHandlerBase(factory, organizers)
{
    public override IReadOnlyCollection<string> Names { get; } = ["start", "starten", "begin", "beginnen"];

    protected override Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct) => MeetingFlow.StartAsync(ctx, posted, ct);
}

public sealed class NextCommandHandler(MdoContextFactory factory, OrganizerCheck organizers) : MdoCommandHandlerBase(factory, organizers)
{
    public override IReadOnlyCollection<string> Names { get; } = ["volgende", "next"];

    protected override Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct)
    {
        MeetingFlow.Next(ctx, expectedCurrentCaseId: null);
        return Task.CompletedTask;
    }
}

public sealed class ExtendCommandHandler(MdoContextFactory factory, OrganizerCheck organizers) : MdoCommandHandlerBase(factory, organizers)
{
    public override IReadOnlyCollection<string> Names { get; } = ["verleng", "verlengen", "extend"];

    protected override Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct)
    {
        var minutes = int.TryParse(command.Arguments.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 5;
        MeetingFlow.Extend(ctx, minutes, expectedCurrentCaseId: null);
        ctx.Turn.Reply(ctx.PersonalLanguage.Text("Commands.minutesAddedFor", ("minutes", minutes), ("value", ctx.Mdo.CurrentCase!.Code)));
        return Task.CompletedTask;
    }
}

public sealed class CloseCommandHandler(MdoContextFactory factory, OrganizerCheck organizers, AfterClose afterClose) : MdoCommandHandlerBase(factory, organizers)
{
    public override IReadOnlyCollection<string> Names { get; } = ["afronden", "afsluiten", "close"];

    protected override async Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct)
    {
        MeetingFlow.Close(ctx, bySystem: false);
        await afterClose.RunAsync(ctx, ct);
    }
}

public sealed class SummaryCommandHandler(MdoContextFactory factory, OrganizerCheck organizers) : MdoCommandHandlerBase(factory, organizers)
{
    public override IReadOnlyCollection<string> Names { get; } = ["samenvatting", "summary"];

    protected override bool IncludesClosed => true;

    protected override Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct)
    {
        ctx.Turn.SendCard(SummaryCard.Build(ctx.Mdo, ctx.Language, ctx.TimeZone));
        return Task.CompletedTask;
    }
}

public sealed class ChairCommandHandler(MdoContextFactory factory, OrganizerCheck organizers) : MdoCommandHandlerBase(factory, organizers)
{
    public override IReadOnlyCollection<string> Names { get; } = ["voorzitter", "chair"];

    protected override Task ExecuteAsync(MdoContext ctx, CommandText command, CancellationToken ct)
    {
        if (command.Mentions.Count == 0)
        {
            ctx.Turn.Reply(ctx.PersonalLanguage.Text("Commands.mentionTheNewChairChairName"));
            return Task.CompletedTask;
        }

        foreach (var m in command.Mentions)
        {
            ctx.Mdo.AddChair(ctx.Actor, new Domain.Mdo.Participant(m.Id, m.Name));
        }

        ctx.Save("mdo.chairAdded");
        ctx.Turn.Reply(ctx.PersonalLanguage.Text("Commands.isNowAChair", ("value", string.Join(", ", command.Mentions.Select(m => m.Name)))));
        return Task.CompletedTask;
    }
}
