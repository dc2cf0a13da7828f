using MdoBot.BotFramework.Storage;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.FollowUp;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams.MdoFlow.Repositories;
using MdoBot.Teams.MdoFlow.Lifecycle;

namespace MdoBot.Teams.MdoFlow.Pipeline;

/// <summary>
/// One turn acting on one MDO: the loaded aggregate, its meeting conversation, the members, and
/// the effects every change needs (save, card updates, clock timers, audit) — all recorded in the
/// turn's change set, so they commit together.
/// </summary>
public sealed class MdoContext(
    TurnContext turn, LoadedMdo loaded, ConversationRef mdoConversation, IReadOnlyList<Participant> members, MdoOptions options,
    SeriesFollowUp? followUp = null)
{
    public TurnContext Turn { get; } = turn;

    public Mdo Mdo => Loaded.Mdo;

    public LoadedMdo Loaded { get; } = loaded;

    /// <summary>The conversation the MDO is held in (may differ from the turn's, e.g. a 1:1 chat).</summary>
    public ConversationRef MdoConversation { get; } = mdoConversation;

    public IReadOnlyList<Participant> Members { get; } = members;

    public MdoOptions Options { get; } = options;

    /// <summary>What this MDO carries over from the earlier MDOs of its series: returning cases and their open actions.</summary>
    public SeriesFollowUp FollowUp { get; } = followUp ?? SeriesFollowUp.None;

    /// <summary>
    /// The MDO's language: every card the participants share (agenda, case, action, summary, notices) uses it,
    /// whoever acted. Personal answers use <see cref="PersonalLanguage"/>.
    /// </summary>
    public Language Language => MdoLanguage.Of(Mdo);

    /// <summary>The acting person's language (their Teams locale): answers and refusals shown only to them.</summary>
    public Language PersonalLanguage => Turn.Language;

    public TimeZoneInfo TimeZone { get; } = options.ResolveTimeZone();

    public DateTimeOffset Now => Turn.Now;

    /// <summary>The acting user, as a participant.</summary>
    public Participant Actor => new(Turn.UserId ?? string.Empty, Turn.UserName is { Length: > 0 } n ? n : MemberName(Turn.UserId));

    public TimeSpan WarningLead => TimeSpan.FromMinutes(Options.WarningLeadMinutes);

    public string MemberName(string? id) => Members.FirstOrDefault(m => m.Id == id)?.Name ?? "?";

    /// <summary>A participant's language: theirs when they acted on this MDO before (or act now), else the MDO's.</summary>
    public Language LanguageOf(string? userId) =>
        userId is not null && userId == Turn.UserId ? PersonalLanguage
        : Mdo.PersonalLanguageOf(userId) is { } code ? LanguageResolver.FromLocale(code) : Language;

    public void Save(string auditAction, string? caseId = null)
    {
        if (Turn.UserId is { } userId && Turn.Activity.Locale is not null)
        {
            Mdo.RememberPersonalLanguage(userId, MdoLanguage.Code(PersonalLanguage));
        }

        MdoRepository.Save(Turn.Changes, Loaded);
        Turn.Changes.Record(new AuditEntry(Now, Turn.UserId, auditAction, Mdo.ConversationId, Mdo.Id, caseId));
    }

    public AdaptiveCardBox Editor(string? editingCaseId = null, string? notice = null) =>
        new(AgendaEditorCard.Build(Mdo, Members, Language, TimeZone, editingCaseId, notice));

    public AdaptiveCardBox LiveAgenda() => new(LiveAgendaCard.Build(Mdo, Language, Now, TimeZone, FollowUp.ReturningCodes));

    public AdaptiveCardBox CaseCardFor(MdoCase c) =>
        new(CaseCard.Build(Mdo, c, Members, Language, Now, TimeZone, c.Id == Mdo.CurrentCaseId ? Mdo.CurrentClock(WarningLead) : null,
            FollowUp.OpenFor(c.Code)));

    public AdaptiveCardBox ActionCardFor(MdoAction a) =>
        new(ActionCard.Build(Mdo, a, Mdo.FindCase(a.CaseId)?.Code ?? string.Empty, Language, TimeZone));

    public void UpdateLiveAgenda() => Turn.UpdateCardIn(MdoConversation, CardKeys.LiveAgenda(Mdo.Id), LiveAgenda().Card);

    public void PostLiveAgenda() => Turn.SendCardTo(MdoConversation, LiveAgenda().Card, CardKeys.LiveAgenda(Mdo.Id));

    public void PostCaseCard(MdoCase c) => Turn.SendCardTo(MdoConversation, CaseCardFor(c).Card, CardKeys.Case(Mdo.Id, c.Id));

    /// <summary>Queues the case card's update for everyone; returns the card (built once, also for the answer).</summary>
    public BotFramework.Cards.AdaptiveCard UpdateCaseCard(MdoCase c)
    {
        var card = CaseCardFor(c).Card;
        Turn.UpdateCardIn(MdoConversation, CardKeys.Case(Mdo.Id, c.Id), card);
        return card;
    }

    public void PostActionCard(MdoAction a) => Turn.SendCardTo(MdoConversation, ActionCardFor(a).Card, CardKeys.Action(Mdo.Id, a.Id));

    /// <summary>Queues the action card's update for everyone; returns the card (built once, also for the answer).</summary>
    public BotFramework.Cards.AdaptiveCard UpdateActionCard(MdoAction a)
    {
        var card = ActionCardFor(a).Card;
        Turn.UpdateCardIn(MdoConversation, CardKeys.Action(Mdo.Id, a.Id), card);
        return card;
    }

    /// <summary>Brings the start prompt (if one was posted) up to date with the MDO's state: no dead Start button.</summary>
    public void UpdateStartPrompt() =>
        Turn.UpdateCardIn(MdoConversation, CardKeys.StartPrompt(Mdo.Id), StartPromptCard.Build(Mdo, Language));

    public void UpdateSummary() =>
        Turn.UpdateCardIn(MdoConversation, CardKeys.Summary(Mdo.Id), SummaryCard.Build(Mdo, Language, TimeZone));

    public void PostSummary() =>
        Turn.SendCardTo(MdoConversation, SummaryCard.Build(Mdo, Language, TimeZone), CardKeys.Summary(Mdo.Id));

    /// <summary>Schedules (or moves) the stored timers of the current case; cancels them when no case runs.</summary>
    public void SyncClock() => MdoClockTimers.Sync(Turn.Changes, Mdo, WarningLead, TimeSpan.FromMinutes(Options.RefreshMinutes), Now);
}

/// <summary>A built card (a small wrapper so call sites read as intent).</summary>
public sealed record AdaptiveCardBox(BotFramework.Cards.AdaptiveCard Card);
