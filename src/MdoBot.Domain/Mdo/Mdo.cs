using System.Text.Json.Serialization;

namespace MdoBot.Domain.Mdo;

/// <summary>
/// The MDO aggregate: one consultation meeting with its chairs, agenda of cases, clock and
/// actions. Every change goes through a method that checks the actor (see <see cref="MdoPolicy"/>)
/// and throws <see cref="MdoRuleException"/> when refused; a refused call changes nothing.
/// Stored as one JSON document (System.Text.Json, web defaults); the store versions it.
/// </summary>
public sealed partial class Mdo
{
    private List<Participant> _chairs = [];
    private List<MdoCase> _cases = [];

    [JsonConstructor]
    private Mdo()
    {
    }

    [JsonInclude] public string Id { get; private set; } = "";

    /// <summary>The Teams conversation (meeting chat, group chat or channel) the MDO lives in.</summary>
    [JsonInclude] public string ConversationId { get; private set; } = "";

    [JsonInclude] public string Title { get; private set; } = "";

    [JsonInclude] public DateTimeOffset CreatedAt { get; private set; }

    [JsonInclude] public DateTimeOffset? ScheduledStart { get; private set; }

    [JsonInclude] public DateTimeOffset? ScheduledEnd { get; private set; }

    /// <summary>Meeting length set by a chair; wins over the schedule in <see cref="FitCheck"/>.</summary>
    [JsonInclude] public int? MeetingLengthMinutes { get; private set; }

    /// <summary>The chairs; the creator is the first.</summary>
    [JsonInclude]
    public IReadOnlyList<Participant> Chairs
    {
        get => _chairs.AsReadOnly();
        private set => _chairs = [.. value];
    }

    /// <summary>The agenda, in order. Done and current cases always come before planned ones.</summary>
    [JsonInclude]
    public IReadOnlyList<MdoCase> Cases
    {
        get => _cases.AsReadOnly();
        private set => _cases = [.. value];
    }

    [JsonInclude] public MdoState State { get; private set; }

    [JsonInclude] public string? CurrentCaseId { get; private set; }

    [JsonInclude] public DateTimeOffset? StartedAt { get; private set; }

    [JsonInclude] public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// Starts at 1 and goes up with every agenda change (add, edit, remove, move, start, next
    /// case, close). Agenda cards carry it; an action with an older value is refused as stale.
    /// </summary>
    [JsonInclude] public int AgendaVersion { get; private set; }

    [JsonInclude, JsonPropertyName("lastCaseNumber")] internal int LastCaseNumber { get; private set; }

    [JsonInclude, JsonPropertyName("lastActionNumber")] internal int LastActionNumber { get; private set; }

    /// <summary>A new, planned MDO; <paramref name="creator"/> becomes the first chair.</summary>
    /// <param name="languageCode">The language of the shared cards (the creator's locale); Dutch when unknown or unsupported.</param>
    /// <exception cref="MdoRuleException">InvalidInput for an empty id, conversation, title or creator, or an end before the start.</exception>
    public static Mdo Create(
        string id,
        string conversationId,
        string title,
        Participant creator,
        DateTimeOffset now,
        DateTimeOffset? scheduledStart = null,
        DateTimeOffset? scheduledEnd = null,
        string? languageCode = null)
    {
        if (scheduledStart is { } start && scheduledEnd is { } end && end <= start)
        {
            throw MdoRuleException.Invalid("scheduledEnd", "must be after the scheduled start.");
        }

        return new Mdo
        {
            Id = MdoText.Required(id, 100, "id"),
            ConversationId = MdoText.Required(conversationId, 500, "conversationId"),
            Title = MdoText.Required(title, MdoLimits.TitleMaxLength, "title"),
            CreatedAt = now,
            ScheduledStart = scheduledStart,
            ScheduledEnd = scheduledEnd,
            _chairs = [MdoText.Person(creator, "creator")],
            State = MdoState.Planned,
            AgendaVersion = 1,
            LanguageCode = NormalizeLanguage(languageCode) ?? SupportedLanguages[0],
        };
    }

    private void BumpAgenda() => AgendaVersion++;

    private void EnsureNotClosed()
    {
        if (State == MdoState.Closed)
        {
            throw new MdoRuleException(MdoError.Closed, "The MDO is closed.");
        }
    }

    private void EnsureAgendaVersion(int expectedAgendaVersion)
    {
        if (expectedAgendaVersion != AgendaVersion)
        {
            throw new MdoRuleException(
                MdoError.StaleAgenda,
                $"The agenda changed (version {AgendaVersion}, card has {expectedAgendaVersion}).");
        }
    }

    private void EnsureExpectedCurrent(string? expectedCurrentCaseId)
    {
        if (expectedCurrentCaseId is not null && !string.Equals(expectedCurrentCaseId, CurrentCaseId, StringComparison.Ordinal))
        {
            throw new MdoRuleException(
                MdoError.StaleAgenda,
                $"The current case is '{CurrentCaseId ?? "none"}', the card expected '{expectedCurrentCaseId}'.");
        }
    }

    private MdoCase RequireCase(string caseId) => FindCase(caseId) ?? throw MdoRuleException.NotFound("Case", caseId);

    private MdoAction RequireAction(string actionId) => FindAction(actionId) ?? throw MdoRuleException.NotFound("Action", actionId);
}
