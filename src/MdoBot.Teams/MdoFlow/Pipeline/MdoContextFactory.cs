using MdoBot.BotFramework.Storage;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Handlers.FollowUp;
using MdoBot.BotFramework.Routing;
using Microsoft.Extensions.Options;
using MdoBot.Teams.MdoFlow.Repositories;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.MdoFlow.Pipeline;

/// <summary>Loads the MDO a turn acts on, with its conversation, members and what it follows up from earlier MDOs.</summary>
public sealed class MdoContextFactory(
    MdoRepository repository, IStore store, MemberDirectory members, IOptions<MdoOptions> options, FollowUpLookup followUps,
    MeetingDetailsTitle meetingTitle)
{
    public MdoOptions Options => options.Value;

    /// <summary>The MDO named by a card's data; null when it no longer exists.</summary>
    public async Task<MdoContext?> ForMdoAsync(TurnContext turn, string? mdoId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrWhiteSpace(mdoId) || await repository.GetAsync(mdoId, ct) is not { } loaded)
        {
            return null;
        }

        var conversation = loaded.Mdo.ConversationId == turn.Conversation.ConversationId
            ? turn.Conversation
            : await store.GetConversationAsync(loaded.Mdo.ConversationId, ct);
        return conversation is null ? null : await CreateAsync(turn, loaded, conversation, ct);
    }

    /// <summary>The open (not closed) MDO of the turn's conversation, if any.</summary>
    public async Task<MdoContext?> ForConversationAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var loaded = await repository.GetOpenAsync(turn.Conversation.ConversationId, ct);
        return loaded is null ? null : await CreateAsync(turn, loaded, turn.Conversation, ct);
    }

    /// <summary>The most recent MDO of the turn's conversation (open or closed).</summary>
    public async Task<MdoContext?> LatestAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var loaded = await repository.GetLatestAsync(turn.Conversation.ConversationId, ct);
        return loaded is null ? null : await CreateAsync(turn, loaded, turn.Conversation, ct);
    }

    /// <summary>
    /// Creates a new planned MDO in the turn's conversation with the actor as its first chair, titled after the Teams
    /// meeting when known, in the actor's language (Dutch when their locale is unknown).
    /// </summary>
    public async Task<MdoContext> CreateNewAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var memberList = await MembersAsync(turn, turn.Conversation, ct);
        var creator = new Participant(turn.UserId!, turn.UserName is { Length: > 0 } n ? n : MemberDirectory.Find(memberList, turn.UserId)?.Name ?? "?");
        var title = await meetingTitle.GetAsync(turn.Conversation, ct)
            ?? (turn.Activity.Conversation?.Name is { Length: > 0 } name ? name : Mdo.DefaultTitle);
        var mdo = Mdo.Create(Guid.NewGuid().ToString("N")[..12], turn.Conversation.ConversationId, Clip(title), creator, turn.Now,
            languageCode: MdoLanguage.Code(turn.Language));
        turn.Changes.Scope ??= mdo.Id;
        return new MdoContext(turn, new LoadedMdo(mdo, 0), turn.Conversation, memberList, options.Value);
    }

    private static string Clip(string title) => title.Length <= MdoLimits.TitleMaxLength ? title : title[..MdoLimits.TitleMaxLength];

    private async Task<MdoContext> CreateAsync(TurnContext turn, LoadedMdo loaded, ConversationRef conversation, CancellationToken ct)
    {
        turn.Changes.Scope ??= loaded.Mdo.Id; // the turn's messages belong to this MDO (purged if it is erased)
        return new(turn, loaded, conversation, await MembersAsync(turn, conversation, ct), options.Value, await followUps.ForAsync(loaded.Mdo, ct));
    }

    /// <summary>A user's turn needs the member list (or the user is asked to try again); a timer makes do without it.</summary>
    private Task<IReadOnlyList<Participant>> MembersAsync(TurnContext turn, ConversationRef conversation, CancellationToken ct) =>
        turn.Activity.Type == BotFramework.Hosting.TimerFiring.TimerActivityType ? members.GetAsync(conversation, ct) : members.RequireAsync(conversation, ct);
}
