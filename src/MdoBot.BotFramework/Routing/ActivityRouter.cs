using System.Text.Json;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.BotFramework.Routing;

/// <summary>
/// Sends each activity to its handler: by type, then by event/invoke name, command word or card verb.
/// Unknown activity types are acknowledged and ignored.
/// </summary>
public sealed class ActivityRouter
{
    public const string CardActionInvoke = "adaptiveCard/action";

    private readonly Dictionary<string, ICommandHandler> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ICardVerbHandler> _actions;
    private readonly Dictionary<string, IEventHandler> _events;
    private readonly Dictionary<string, IInvokeHandler> _invokes;
    private readonly IReadOnlyList<IConversationEventHandler> _conversationHandlers;
    private readonly IFallbackMessageHandler _fallback;
    private readonly IReadOnlyList<ITurnFilter> _filters;

    public ActivityRouter(
        IEnumerable<ICommandHandler> commands,
        IEnumerable<ICardVerbHandler> actions,
        IEnumerable<IEventHandler> events,
        IEnumerable<IInvokeHandler> invokes,
        IEnumerable<IConversationEventHandler> conversationHandlers,
        IFallbackMessageHandler fallback,
        IEnumerable<ITurnFilter> filters)
    {
        _filters = filters.ToList();
        foreach (var handler in commands)
        {
            foreach (var name in handler.Names)
            {
                _commands.Add(name, handler);
            }
        }

        _actions = actions.ToDictionary(a => a.Verb, StringComparer.Ordinal);
        _events = events.ToDictionary(e => e.EventName, StringComparer.Ordinal);
        _invokes = invokes.ToDictionary(i => i.InvokeName, StringComparer.Ordinal);
        _conversationHandlers = conversationHandlers.ToList();
        _fallback = fallback;
    }

    public IReadOnlyCollection<string> Verbs => _actions.Keys;

    public IReadOnlyCollection<string> CommandNames => _commands.Keys;

    /// <summary>
    /// Routes the turn. When a dependency the handler needs is unavailable, everything the handler recorded is
    /// discarded and the user is told to try again (<see cref="DependencyReplies"/>).
    /// </summary>
    public async Task RouteAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        try
        {
            await DispatchAsync(turn, ct);
        }
        catch (DependencyUnavailableException ex)
        {
            turn.Changes.Discard();
            DependencyReplies.Answer(turn, ex.Dependency);
        }
    }

    private async Task DispatchAsync(TurnContext turn, CancellationToken ct)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await RouteMessageAsync(turn, ct);
                break;
            case ActivityTypes.Invoke:
                await RouteInvokeAsync(turn, ct);
                break;
            case ActivityTypes.Event when activity.Name is { } name && _events.TryGetValue(name, out var handler):
                await handler.HandleAsync(turn, ct);
                break;
            case ActivityTypes.ConversationUpdate:
                foreach (var h in _conversationHandlers)
                {
                    await h.HandleConversationUpdateAsync(turn, ct);
                }

                break;
            case ActivityTypes.InstallationUpdate:
                foreach (var h in _conversationHandlers)
                {
                    await h.HandleInstallationUpdateAsync(turn, ct);
                }

                break;
            default:
                break; // acknowledged and ignored
        }
    }

    private async Task RouteMessageAsync(TurnContext turn, CancellationToken ct)
    {
        // Action.Submit fallback: a message whose value carries the verb.
        if (turn.Activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            var verb = value.TryGetProperty(CardVerbData.VerbField, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (verb is not null && _actions.TryGetValue(verb, out var action))
            {
                var data = new CardVerbData(verb, value, isInvoke: false);
                if (Allowed(turn, data, null))
                {
                    await action.HandleAsync(turn, data, ct);
                }

                return;
            }
        }

        var command = CommandText.Parse(turn.Activity);
        if (!Allowed(turn, null, command))
        {
            return;
        }

        if (_commands.TryGetValue(command.Verb, out var handler))
        {
            await handler.HandleAsync(turn, command, ct);
        }
        else
        {
            await _fallback.HandleAsync(turn, command, ct);
        }
    }

    private async Task RouteInvokeAsync(TurnContext turn, CancellationToken ct)
    {
        var name = turn.Activity.Name;
        if (name == CardActionInvoke)
        {
            var action = ReadExecuteAction(turn.Activity.Value);
            if (action is { } a && _actions.TryGetValue(a.Verb, out var handler))
            {
                var data = new CardVerbData(a.Verb, a.Data, isInvoke: true);
                if (Allowed(turn, data, null))
                {
                    await handler.HandleAsync(turn, data, ct);
                }

                turn.InvokeResponse ??= InvokeResponses.Empty();
            }
            else
            {
                turn.InvokeResponse = InvokeResponses.CardError(400, "BadRequest", "Unknown or malformed card action.");
            }

            return;
        }

        if (name is not null && _invokes.TryGetValue(name, out var invoke))
        {
            await invoke.HandleAsync(turn, ct);
            turn.InvokeResponse ??= InvokeResponses.Empty();
            return;
        }

        turn.InvokeResponse = new InvokeResponse(501, null);
    }

    private bool Allowed(TurnContext turn, CardVerbData? action, CommandText? command) =>
        _filters.All(f => f.Allow(turn, action, command));

    private static (string Verb, JsonElement Data)? ReadExecuteAction(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("action", out var action)
            || action.ValueKind != JsonValueKind.Object || !action.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        return (verb.GetString()!, data);
    }
}
