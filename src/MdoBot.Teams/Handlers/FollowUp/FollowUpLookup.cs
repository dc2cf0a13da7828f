using MdoBot.Teams.Cards.FollowUp;
using MdoBot.Teams.MdoFlow;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Handlers.FollowUp;

/// <summary>
/// Finds the earlier MDOs of an MDO's series (the same conversation) and what they leave open: the
/// returning case codes and, per code, the actions still proposed or confirmed.
/// </summary>
public sealed class FollowUpLookup(MdoRepository repository)
{
    /// <param name="changed">An MDO changed in this turn but not stored yet: used instead of its stored version.</param>
    public async Task<SeriesFollowUp> ForAsync(MdoMeeting current, CancellationToken ct, MdoMeeting? changed = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var series = await repository.GetSeriesAsync(current.ConversationId, ct);
        return SeriesFollowUp.From(current, series.Select(m => changed is not null && m.Mdo.Id == changed.Id ? changed : m.Mdo));
    }
}
