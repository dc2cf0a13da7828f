using MdoBot.BotFramework.Storage;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Repositories;

namespace MdoBot.Teams.Handlers.Agenda;

/// <summary>
/// Opens the agenda of the conversation's MDO, creating a new MDO (with the user as chair) when
/// none is open. A chair gets the editor; anyone else the live agenda. In a 1:1 chat it explains
/// how to prepare privately.
/// </summary>
public sealed class OpenAgenda(MdoContextFactory factory, SeriesRepository series)
{
    public async Task OpenAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Conversation.Kind == ConversationKind.Personal)
        {
            turn.Reply(turn.Language.Text("Agenda.anMdoBelongsToAMeeting"));
            return;
        }

        if (turn.UserId is null)
        {
            return;
        }

        var ctx = await factory.ForConversationAsync(turn, ct);
        if (ctx is null)
        {
            // The next MDO of a series is opened by a chair of the last one or a coordinator, who keep their roles.
            var previous = await factory.LatestAsync(turn, ct);
            var previousChairs = previous?.Mdo.Chairs ?? [];
            var coordinators = (await series.GetOrNewAsync(turn.Conversation.ConversationId, ct)).Series;
            if (previousChairs.Count > 0 && !previous!.Mdo.IsChair(turn.UserId) && !coordinators.IsCoordinator(turn.UserId))
            {
                turn.Reply(turn.Language.Text("Agenda.onlyAChairOfThePrevious"));
                return;
            }

            ctx = await factory.CreateNewAsync(turn, ct);
            foreach (var chair in previousChairs.Where(c => c.Id != turn.UserId))
            {
                ctx.Mdo.AddChair(ctx.Actor, chair);
            }

            ctx.Save("mdo.created");
        }

        var card = ctx.Mdo.IsChair(turn.UserId) ? ctx.Editor().Card : ctx.LiveAgenda().Card;
        turn.ReplyCard(card);
    }
}

public sealed class OpenAgendaHandler(OpenAgenda open) : ICardVerbHandler
{
    public string Verb => CardVerbs.OpenAgenda;

    public Task HandleAsync(TurnContext turn, CardVerbData data, CancellationToken ct) => open.OpenAsync(turn, ct);
}
