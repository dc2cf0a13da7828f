using System.Text.Json.Serialization;
using MdoBot.Domain.Mdo;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Domain.Series;

/// <summary>
/// All MDOs held in one conversation form a series. The series has coordinators, who receive the
/// summaries and see the evaluation trend. Only a chair of the series' latest MDO names them.
/// </summary>
public sealed class MdoSeries
{
    private List<Participant> _coordinators = [];

    [JsonConstructor]
    private MdoSeries()
    {
    }

    public MdoSeries(string conversationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ConversationId = conversationId;
    }

    [JsonInclude] public string ConversationId { get; private set; } = "";

    [JsonInclude]
    public IReadOnlyList<Participant> Coordinators
    {
        get => _coordinators.AsReadOnly();
        private set => _coordinators = [.. value];
    }

    public bool IsCoordinator(string? userId) => userId is not null && _coordinators.Any(c => c.Id == userId);

    /// <summary>Adds a coordinator; the actor must chair the latest MDO of the series. False when already one.</summary>
    public bool AddCoordinator(Participant actor, Participant coordinator, MdoMeeting latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(coordinator);
        MdoPolicy.DemandChair(latest, actor);
        if (IsCoordinator(coordinator.Id))
        {
            return false;
        }

        if (_coordinators.Count >= MdoLimits.MaxChairs)
        {
            throw new MdoRuleException(MdoError.LimitReached, "Too many coordinators.");
        }

        _coordinators.Add(coordinator);
        return true;
    }

    /// <summary>Chair of the latest MDO or coordinator: may see the series' evaluation trend and audit trail.</summary>
    public bool CanOversee(string? userId, MdoMeeting? latest) =>
        IsCoordinator(userId) || (latest is not null && MdoPolicy.IsChair(latest, userId));
}
