using System.Collections.Concurrent;
using MdoBot.BotFramework.Storage;
using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;
using Microsoft.Extensions.Logging;

namespace MdoBot.Teams.MdoFlow.Lookups;

/// <summary>
/// The members of a conversation (from <c>GET v3/conversations/{id}/members</c>), cached briefly.
/// Only ids and display names are kept, in memory. The read has the turn budget of <see cref="TurnDependency.Members"/>
/// (and of the connector token); when it fails, the last list read for the conversation is used.
/// </summary>
public sealed partial class MemberDirectory(IConnectorClient connector, TurnBudget budget, TimeProvider time, ILogger<MemberDirectory> logger)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<Participant> Members)> _cache = new();

    /// <summary>The members; an empty list when Teams cannot tell and none were read before (timers, which cannot ask the user).</summary>
    public Task<IReadOnlyList<Participant>> GetAsync(ConversationRef conversation, CancellationToken ct) => ReadAsync(conversation, required: false, ct);

    /// <summary>The members, or the last known list; <see cref="DependencyUnavailableException"/> when Teams cannot tell and none is known.</summary>
    public Task<IReadOnlyList<Participant>> RequireAsync(ConversationRef conversation, CancellationToken ct) => ReadAsync(conversation, required: true, ct);

    private async Task<IReadOnlyList<Participant>> ReadAsync(ConversationRef conversation, bool required, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(conversation.ConversationId, out var hit) && now - hit.At < CacheFor)
        {
            return hit.Members;
        }

        try
        {
            var members = (await budget.ConnectorAsync(TurnDependency.Members,
                    t => connector.GetConversationMembersAsync(conversation.ServiceUrl, conversation.ConversationId, t), ct))
                .Where(m => !string.IsNullOrEmpty(m.Id) && m.Id != conversation.BotId)
                .Select(m => new Participant(m.Id!, string.IsNullOrWhiteSpace(m.Name) ? m.GivenName ?? "?" : m.Name!))
                .DistinctBy(p => p.Id)
                .ToList();
            if (_cache.Count > 10_000)
            {
                _cache.Clear();
            }

            _cache[conversation.ConversationId] = (now, members);
            return members;
        }
        catch (DependencyUnavailableException ex) when (hit.Members is not null || !required)
        {
            LogMembersUnavailable(logger, ex.Dependency.ToString());
            return hit.Members ?? [];
        }
    }

    /// <summary>Finds a member by id, else by (case-insensitive) display name.</summary>
    public static Participant? Find(IReadOnlyList<Participant> members, string? idOrName) =>
        string.IsNullOrWhiteSpace(idOrName) ? null
        : members.FirstOrDefault(m => m.Id == idOrName)
          ?? members.FirstOrDefault(m => string.Equals(m.Name, idOrName.Trim(), StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation members could not be read: {Error}")]
    private static partial void LogMembersUnavailable(ILogger logger, string error);
}
