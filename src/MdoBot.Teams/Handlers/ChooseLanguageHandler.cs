using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Handlers;

/// <summary>
/// The welcome card's language buttons. The chat remembers the language (for turns that carry no locale, such as a
/// reinstall); when an MDO is open, it is the language command: only a chair may switch, and the MDO's shared cards
/// follow. The welcome card is shown again in the chosen language.
/// </summary>
public sealed class ChooseLanguageHandler(MdoContextFactory factory, OrganizerCheck organizers, CardSettings settings) : ICardVerbHandler
{
    public string Verb => CardVerbs.ChooseLanguage;

    public async Task HandleAsync(TurnContext turn, CardVerbData data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(data);
        var code = Mdo.NormalizeLanguage(data.As<LanguageChoiceData>()?.Language);
        if (code is null)
        {
            turn.Reply(LanguageSwitch.Usage(turn.Language));
            return;
        }

        if (turn.UserId is not null && await factory.ForConversationAsync(turn, ct) is { } ctx)
        {
            var applied = false;
            await MdoGuard.RunAsync(ctx, organizers, () =>
            {
                LanguageSwitch.Apply(ctx, code);
                applied = true;
                return Task.CompletedTask;
            }, ct: ct);
            if (!applied)
            {
                return; // refused (not a chair, MDO closed): the guard answered and nothing changed
            }
        }

        turn.Changes.SaveConversation(turn.Conversation with { Locale = code });
        var card = WelcomeCard.Build(LanguageResolver.FromLocale(code), settings);
        turn.UpdateCard(CardKeys.Welcome, card);
        turn.ReplyCard(card, alreadyUpdatedForAll: true);
    }
}
