using MdoBot.BotFramework.Routing;
using MdoBot.Teams.Cards;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;
using MdoBot.Teams.MdoFlow.Lifecycle;

namespace MdoBot.Teams.Handlers.Meeting;

public abstract class MeetingHandlerBase(MdoContextFactory factory, OrganizerCheck organizers) : ICardVerbHandler
{
    private readonly MdoVerbPipeline<MeetingActionData> _pipeline = new(factory, organizers);

    public abstract string Verb { get; }

    public Task HandleAsync(TurnContext turn, CardVerbData data, CancellationToken ct) =>
        _pipeline.RunAsync(turn, data, new MdoVerbSteps<MeetingActionData>(d => d.MdoId, ExecuteAsync) { ShowFresh = ShowFresh }, ct);

    /// <summary>Runs the domain operation first, then records effects; throws MdoRuleException when refused.</summary>
    protected abstract Task ExecuteAsync(MdoContext ctx, MeetingActionData data, CancellationToken ct);

    protected void ShowFresh(MdoContext ctx, MeetingActionData data) => ctx.UpdateLiveAgenda();
}

public sealed class StartHandler(MdoContextFactory factory, OrganizerCheck organizers, IPostedCards posted) : MeetingHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.Start;

    protected override async Task ExecuteAsync(MdoContext ctx, MeetingActionData data, CancellationToken ct)
    {
        if (ctx.Mdo.State == Domain.Mdo.MdoState.Running)
        {
            // A Start button left on an old card: say so plainly (and show the prompt as it is now) instead of refusing.
            ctx.Turn.Reply(ctx.PersonalLanguage.Text("Meeting.theMdoIsAlreadyRunning"));
            ctx.UpdateStartPrompt();
            return;
        }

        await MeetingFlow.StartAsync(ctx, posted, ct);
        ctx.Turn.Reply(ctx.PersonalLanguage.Text("Meeting.theMdoHasStarted"));
    }
}

public sealed class NextHandler(MdoContextFactory factory, OrganizerCheck organizers) : MeetingHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.Next;

    protected override Task ExecuteAsync(MdoContext ctx, MeetingActionData data, CancellationToken ct)
    {
        MeetingFlow.Next(ctx, data.CaseId);
        ctx.Turn.Reply(ctx.Mdo.CurrentCase is { } c
            ? ctx.PersonalLanguage.Text("Meeting.nextCase", ("code", c.Code))
            : ctx.PersonalLanguage.Text("Meeting.allCasesHaveBeenDiscussed"));
        return Task.CompletedTask;
    }
}

public sealed class ExtendHandler(MdoContextFactory factory, OrganizerCheck organizers) : MeetingHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.Extend;

    protected override Task ExecuteAsync(MdoContext ctx, MeetingActionData data, CancellationToken ct)
    {
        var minutes = data.Minutes ?? 5;
        MeetingFlow.Extend(ctx, minutes, data.CaseId);
        ctx.Turn.Reply(ctx.PersonalLanguage.Text("Meeting.minutesAdded", ("minutes", minutes)));
        return Task.CompletedTask;
    }
}

public sealed class CloseHandler(MdoContextFactory factory, OrganizerCheck organizers, AfterClose afterClose) : MeetingHandlerBase(factory, organizers)
{
    public override string Verb => CardVerbs.Close;

    protected override async Task ExecuteAsync(MdoContext ctx, MeetingActionData data, CancellationToken ct)
    {
        MeetingFlow.Close(ctx, bySystem: false);
        await afterClose.RunAsync(ctx, ct);
        ctx.Turn.Reply(ctx.PersonalLanguage.Text("Meeting.theMdoIsClosedTheSummary"));
    }
}
