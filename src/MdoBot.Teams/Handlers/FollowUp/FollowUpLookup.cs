using MdoBot.BotFramework.Storage;
using MdoBot.Teams.Cards.FollowUp;
using MdoBot.Teams.MdoFlow.Repositories;
using MdoBot.Domain.Mdo;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Handlers.FollowUp;

/// <summary>
/// What an MDO's cases carry over from the earlier MDOs of its series (the same conversation): which of
/// its case codes were discussed before and, per code, the actions still proposed or confirmed. Found
/// through the MDO index: which codes occur (from the index alone), then the earlier MDOs that still have open
/// actions for one of them — the cost does not grow with the chat's history.
/// </summary>
public sealed class FollowUpLookup(IStore store, MdoRepository repository)
{
    /// <param name="changed">An MDO changed in this turn but not stored yet: used instead of its stored version.</param>
    public async Task<SeriesFollowUp> ForAsync(MdoMeeting current, CancellationToken ct, MdoMeeting? changed = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var codes = current.Cases.Select(c => c.Code).Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (codes.Count == 0)
        {
            return SeriesFollowUp.None;
        }

        var conversationId = current.ConversationId;
        var codeKeys = codes.ToDictionary(c => MdoIndex.CodeKey(conversationId, c), StringComparer.Ordinal);
        var openKeys = codes.ToDictionary(c => MdoIndex.OpenKey(conversationId, c), StringComparer.Ordinal);
        // Whether a code was discussed before is presence only (a weekly case has a hit in every earlier MDO); the
        // earlier MDOs themselves are read only where they still have open actions for one of the codes.
        var sortKey = MdoIndex.SortKeyOf(current);
        var present = await store.FindPresentDocumentKeysAsync(MdoRepository.Kind, conversationId, codeKeys.Keys, sortKey, ct);
        if (present.Count == 0)
        {
            return SeriesFollowUp.None; // an open action's code is a discussed code: none before, no follow-up
        }

        var hits = await store.FindDocumentKeysAsync(MdoRepository.Kind, conversationId, openKeys.Keys, sortKey, ct);
        var returning = present.Select(k => codeKeys[k]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var earlier = new List<MdoMeeting>();
        foreach (var id in hits.Where(h => h.Id != current.Id).Select(h => h.Id).Distinct(StringComparer.Ordinal))
        {
            if (changed is not null && changed.Id == id)
            {
                earlier.Add(changed);
            }
            else if (await repository.GetAsync(id, ct) is { } loaded)
            {
                earlier.Add(loaded.Mdo);
            }
        }

        return SeriesFollowUp.From(returning, earlier);
    }

    /// <summary>
    /// The family's view recorded for <paramref name="code"/> the last time the case was on an earlier MDO of the series
    /// (the latest one that has it filled in, of the last three); null when it is new or had none.
    /// </summary>
    public async Task<FamilyView?> LastFamilyViewAsync(MdoMeeting current, string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var hits = await store.FindDocumentKeysAsync(
            MdoRepository.Kind, current.ConversationId, [MdoIndex.CodeKey(current.ConversationId, code.Trim())], MdoIndex.SortKeyOf(current), ct);
        foreach (var hit in hits.Where(h => h.Id != current.Id).OrderByDescending(h => h.SortKey).Take(3))
        {
            var earlier = (await repository.GetAsync(hit.Id, ct))?.Mdo.Cases
                .FirstOrDefault(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
            if (earlier is { FamilyView.IsEmpty: false })
            {
                return earlier.FamilyView;
            }
        }

        return null;
    }
}
