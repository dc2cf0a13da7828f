using MdoBot.Domain.Mdo;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.FollowUp;

/// <summary>An action of an earlier MDO of the series that is still open (proposed or confirmed).</summary>
/// <param name="MdoId">The earlier MDO the action belongs to.</param>
/// <param name="HeldAt">When that MDO was held (started, else scheduled, else created).</param>
public sealed record EarlierAction(string MdoId, DateTimeOffset HeldAt, MdoAction Action);

/// <summary>
/// What an MDO carries over from the earlier MDOs of its series (the same conversation): the case
/// codes seen before (compared case-insensitively) and, per code, the actions of those earlier cases
/// that are still open — oldest MDO first, then in the order they were made.
/// </summary>
public sealed class SeriesFollowUp
{
    private readonly Dictionary<string, List<EarlierAction>> _open;

    private SeriesFollowUp(HashSet<string> returningCodes, Dictionary<string, List<EarlierAction>> open)
    {
        ReturningCodes = returningCodes;
        _open = open;
    }

    /// <summary>No earlier MDOs: nothing returns.</summary>
    public static SeriesFollowUp None { get; } = new(new(StringComparer.OrdinalIgnoreCase), new(StringComparer.OrdinalIgnoreCase));

    /// <summary>Every case code of an earlier MDO; <c>Contains</c> ignores case.</summary>
    public IReadOnlySet<string> ReturningCodes { get; }

    /// <summary>The open actions of earlier cases with this code (case-insensitive); empty when none.</summary>
    public IReadOnlyList<EarlierAction> OpenFor(string caseCode) =>
        _open.TryGetValue(caseCode, out var list) ? list : [];

    /// <summary>
    /// Looks back from <paramref name="current"/> over <paramref name="seriesOldestFirst"/>: the MDOs before
    /// it in the series (all others when it is not in the list yet).
    /// </summary>
    public static SeriesFollowUp From(MdoMeeting current, IEnumerable<MdoMeeting> seriesOldestFirst)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(seriesOldestFirst);
        var earlier = seriesOldestFirst.TakeWhile(m => m.Id != current.Id).ToList();
        if (earlier.Count == 0)
        {
            return None;
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var open = new Dictionary<string, List<EarlierAction>>(StringComparer.OrdinalIgnoreCase);
        foreach (var mdo in earlier)
        {
            var heldAt = mdo.StartedAt ?? mdo.ScheduledStart ?? mdo.CreatedAt;
            foreach (var c in mdo.Cases)
            {
                codes.Add(c.Code);
                var stillOpen = c.Actions.Where(IsOpen).Select(a => new EarlierAction(mdo.Id, heldAt, a)).ToList();
                if (stillOpen.Count > 0)
                {
                    (open.TryGetValue(c.Code, out var list) ? list : open[c.Code] = []).AddRange(stillOpen);
                }
            }
        }

        return new SeriesFollowUp(codes, open);
    }

    /// <summary>
    /// From an index lookup: the codes known to return, and the earlier MDOs (oldest first) that still have
    /// open actions for some of them. Only the open actions of those codes are kept.
    /// </summary>
    public static SeriesFollowUp From(IReadOnlySet<string> returningCodes, IEnumerable<MdoMeeting> earlierOldestFirst)
    {
        ArgumentNullException.ThrowIfNull(returningCodes);
        ArgumentNullException.ThrowIfNull(earlierOldestFirst);
        var codes = new HashSet<string>(returningCodes, StringComparer.OrdinalIgnoreCase);
        var open = new Dictionary<string, List<EarlierAction>>(StringComparer.OrdinalIgnoreCase);
        foreach (var mdo in earlierOldestFirst)
        {
            var heldAt = mdo.StartedAt ?? mdo.ScheduledStart ?? mdo.CreatedAt;
            foreach (var c in mdo.Cases.Where(c => codes.Contains(c.Code)))
            {
                var stillOpen = c.Actions.Where(IsOpen).Select(a => new EarlierAction(mdo.Id, heldAt, a)).ToList();
                if (stillOpen.Count > 0)
                {
                    (open.TryGetValue(c.Code, out var list) ? list : open[c.Code] = []).AddRange(stillOpen);
                }
            }
        }

        return codes.Count == 0 ? None : new SeriesFollowUp(codes, open);
    }

    /// <summary>Proposed or confirmed: nobody said yet that it is done or no longer needed.</summary>
    public static bool IsOpen(MdoAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Status is ActionStatus.Proposed or ActionStatus.Confirmed;
    }
}
