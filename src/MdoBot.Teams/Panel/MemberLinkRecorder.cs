using System.Collections.Concurrent;
using System.Threading.Channels;
using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Routing;
using Microsoft.Extensions.Hosting;

namespace MdoBot.Teams.Panel;

/// <summary>
/// Remembers the Entra object id (<c>from.aadObjectId</c>) of everyone who acts through a card or a command, next
/// to their Teams user id in that conversation. It never refuses a turn; links are stored in the background,
/// each once per process (a link is an id pair, not MDO state).
/// </summary>
public sealed class MemberLinkRecorder(IMemberLinkStore links) : BackgroundService, ITurnFilter
{
    private readonly Channel<(string Conversation, string Aad, string User)> _pending =
        Channel.CreateBounded<(string, string, string)>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly ConcurrentDictionary<(string, string), string> _seen = new();

    public bool Allow(TurnContext turn, CardVerbData? action, CommandText? command)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.From is { Id: { Length: > 0 } user, AadObjectId: { Length: > 0 and <= 64 } aad }
            && (!_seen.TryGetValue((turn.Conversation.ConversationId, aad), out var known) || known != user))
        {
            if (_seen.Count > 100_000)
            {
                _seen.Clear();
            }

            _seen[(turn.Conversation.ConversationId, aad)] = user;
            _pending.Writer.TryWrite((turn.Conversation.ConversationId, aad, user));
        }

        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (conversation, aad, user) in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await links.SaveMemberLinkAsync(conversation, aad, user, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _seen.TryRemove((conversation, aad), out _); // tried again on the user's next turn
            }
        }
    }
}
