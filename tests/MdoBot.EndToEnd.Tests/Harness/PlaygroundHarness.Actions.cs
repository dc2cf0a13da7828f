using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MdoBot.EndToEnd.Tests.Harness;

/// <summary>The bot's answer to an invoke as the Playground returns it: <c>{type, value}</c>.</summary>
public sealed record InvokeResult(int HttpStatus, JsonNode? Body)
{
    public string? Type => (string?)Body?["type"];

    public JsonNode? Value => Body?["value"];

    /// <summary>The card of an <c>application/vnd.microsoft.card.adaptive</c> answer.</summary>
    public JsonObject? Card => Type == PlaygroundMessage.AdaptiveCardType ? Value as JsonObject : null;

    /// <summary>The text of an <c>application/vnd.microsoft.activity.message</c> answer.</summary>
    public string? MessageText => Type == "application/vnd.microsoft.activity.message" ? (string?)Value : null;
}

/// <summary>A message the harness sent: the Playground's message id and the conversation it landed in.</summary>
public sealed record SentMessage(string? MessageId, string ConversationId);

public sealed partial class PlaygroundHarness
{
    /// <summary>Installs (adds) the bot in a chat or channel, as the Playground UI does when a chat is opened.</summary>
    public async Task InstallBotAsync(string conversationId) =>
        await PostAsync($"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new JsonObject()).ConfigureAwait(false);

    /// <summary>Uninstalls the bot: installationUpdate(remove) then conversationUpdate(membersRemoved = bot).</summary>
    public async Task RemoveBotAsync(string conversationId)
    {
        await SendCustomActivityAsync(await ActivityTemplateAsync(conversationId, "uninstall").ConfigureAwait(false)).ConfigureAwait(false);
        await SendCustomActivityAsync(await ActivityTemplateAsync(conversationId, "botRemoved").ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <paramref name="text"/> as <paramref name="from"/> (default: the current user). Write mentions as
    /// <c>&lt;at&gt;Name&lt;/at&gt;</c> (e.g. <c>Config.Bot.At + " help"</c>); they become mention entities.
    /// <paramref name="locale"/> is the Teams client locale of another user (the current user's is always en-US).
    /// </summary>
    public async Task<SentMessage> SendMessageAsync(string conversationId, string text, PlaygroundUser? from = null, string locale = "en-US")
    {
        ArgumentNullException.ThrowIfNull(text);
        from ??= Config.CurrentUser;
        var mentioned = MentionedAccounts(text);
        if (from.Id == Config.CurrentUser.Id)
        {
            var body = new JsonObject
            {
                ["from"] = new JsonObject { ["id"] = from.Id },
                ["text"] = text,
                ["textFormat"] = "plain",
                ["mentions"] = new JsonArray(mentioned.Select(u => (JsonNode)new JsonObject
                {
                    ["mentioned"] = new JsonObject { ["id"] = u.Id },
                    ["text"] = u.At,
                }).ToArray()),
            };
            var answer = await PostAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body).ConfigureAwait(false);
            return new SentMessage((string?)answer?["messageId"], (string?)answer?["postConversationId"] ?? conversationId);
        }

        var activity = await ActivityTemplateAsync(conversationId).ConfigureAwait(false);
        var id = Guid.NewGuid().ToString();
        activity["type"] = "message";
        activity["id"] = id;
        activity["from"] = new JsonObject { ["id"] = from.Id, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId };
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["locale"] = locale;
        activity["localTimezone"] = "UTC";
        var entities = new JsonArray(mentioned.Select(u => (JsonNode)new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = u.Id, ["name"] = u.Name },
            ["text"] = u.At,
        }).ToArray());
        entities.Add(ClientInfo(locale));
        activity["entities"] = entities;
        activity["channelData"] = ChannelDataFor(conversationId);
        await SendCustomActivityAsync(activity).ConfigureAwait(false);
        return new SentMessage(id, conversationId);
    }

    /// <summary>Presses Action.Execute <paramref name="verb"/> on <paramref name="card"/> (an <c>adaptiveCard/action</c> invoke).</summary>
    public async Task<InvokeResult> InvokeAsync(PlaygroundMessage card, string verb, JsonNode? data = null, PlaygroundUser? from = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var action = new JsonObject { ["type"] = "Action.Execute" };
        if (title is not null)
        {
            action["title"] = title;
        }

        action["verb"] = verb;
        action["data"] = data?.DeepClone() ?? new JsonObject();
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["from"] = new JsonObject { ["id"] = (from ?? Config.CurrentUser).Id },
            ["conversation"] = new JsonObject { ["id"] = card.MessageConversationId },
            ["replyToId"] = card.MessageId,
            ["value"] = new JsonObject { ["action"] = action },
        };
        using var response = await _http.PostAsJsonAsync(new Uri(PlaygroundUrl, "_conversation/v1/invoke"), body).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return new InvokeResult((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Presses an Action.Submit on <paramref name="card"/>: the bot gets a message with this value.</summary>
    public async Task SubmitAsync(PlaygroundMessage card, JsonObject value, PlaygroundUser? from = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(value);
        await PostAsync("_conversation/v1/submit", new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = card.MessageConversationId },
            ["from"] = new JsonObject { ["id"] = (from ?? Config.CurrentUser).Id },
            ["replyToId"] = card.MessageId,
            ["value"] = value.DeepClone(),
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Presses the action titled (or with verb) <paramref name="titleOrVerb"/> like the client does: input values
    /// (by input id) are merged into the action's data. Returns the invoke answer for Action.Execute, null for Action.Submit.
    /// </summary>
    public async Task<InvokeResult?> PressAsync(
        PlaygroundMessage card, string titleOrVerb, PlaygroundUser? from = null, IReadOnlyDictionary<string, JsonNode?>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var action = card.FindAction(titleOrVerb);
        var data = action["data"] is JsonObject d ? (JsonObject)d.DeepClone() : new JsonObject();
        foreach (var (key, value) in inputs ?? new Dictionary<string, JsonNode?>())
        {
            data[key] = value?.DeepClone();
        }

        switch ((string?)action["type"])
        {
            case "Action.Execute":
                return await InvokeAsync(card, (string?)action["verb"] ?? string.Empty, data, from, (string?)action["title"]).ConfigureAwait(false);
            case "Action.Submit" when data["msteams"] is null:
                await SubmitAsync(card, data, from).ConfigureAwait(false);
                return null;
            default:
                throw new NotSupportedException($"Pressing {action["type"]} ('{titleOrVerb}') is not supported by the harness.");
        }
    }

    /// <summary>GET /_internal/v1/customActivities/template: a base activity for the conversation (or a typed one).</summary>
    public async Task<JsonObject> ActivityTemplateAsync(string conversationId, string? templateType = null)
    {
        var query = $"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(conversationId)}"
            + (templateType is null ? string.Empty : $"&type={Uri.EscapeDataString(templateType)}");
        return await GetJsonAsync(new Uri(PlaygroundUrl, query)).ConfigureAwait(false) as JsonObject
            ?? throw new InvalidOperationException("Empty activity template.");
    }

    /// <summary>POST /_internal/v1/customActivities: the Playground posts this activity to the bot unchanged.</summary>
    public Task SendCustomActivityAsync(JsonObject activity) => PostAsync("_internal/v1/customActivities", activity);

    /// <summary>A custom activity built on the conversation's template (serviceUrl, recipient, conversation, from filled in).</summary>
    public async Task SendCustomActivityAsync(string conversationId, Action<JsonObject> shape, PlaygroundUser? from = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var activity = await ActivityTemplateAsync(conversationId).ConfigureAwait(false);
        activity["id"] = Guid.NewGuid().ToString();
        if (from is not null)
        {
            activity["from"] = new JsonObject { ["id"] = from.Id, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId };
        }

        activity["channelData"] = ChannelDataFor(conversationId);
        shape(activity);
        await SendCustomActivityAsync(activity).ConfigureAwait(false);
    }

    /// <summary>
    /// Injects an event activity, e.g. <c>application/vnd.microsoft.meetingStart</c> with value {Id, Title, ...};
    /// <paramref name="meetingId"/> goes to <c>channelData.meeting.id</c> (the Playground emulates no meetings).
    /// </summary>
    public Task SendEventAsync(string conversationId, string name, JsonNode? value, string? meetingId = null, PlaygroundUser? from = null) =>
        SendCustomActivityAsync(conversationId, a =>
        {
            a["type"] = "event";
            a["name"] = name;
            a["value"] = value?.DeepClone();
            if (meetingId is not null)
            {
                a["channelData"]!["meeting"] = new JsonObject { ["id"] = meetingId };
            }
        }, from);

    private JsonObject ChannelDataFor(string conversationId)
    {
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Config.TenantId } };
        var channelId = conversationId.Split(';')[0];
        if (Config.Channels.Any(c => c.Id == channelId))
        {
            channelData["teamsChannelId"] = channelId;
            channelData["teamsTeamId"] = Config.TeamId;
            channelData["team"] = new JsonObject { ["id"] = Config.TeamId };
            channelData["channel"] = new JsonObject { ["id"] = channelId };
        }

        return channelData;
    }

    private List<PlaygroundUser> MentionedAccounts(string text) =>
        AtTag().Matches(text).Select(m => m.Groups[1].Value).Distinct()
            .Select(name => name == Config.Bot.Name ? Config.Bot : Config.User(name))
            .ToList();

    private async Task<JsonNode?> PostAsync(string relative, JsonNode body)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(PlaygroundUrl, relative), body).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST {relative} → {(int)response.StatusCode}: {text}\nbody: {body.ToJsonString()}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private async Task<JsonNode> GetJsonAsync(Uri url)
    {
        using var response = await _http.GetAsync(url).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return response.IsSuccessStatusCode && JsonNode.Parse(text) is { } node
            ? node
            : throw new HttpRequestException($"GET {url} → {(int)response.StatusCode}: {text}");
    }

    [GeneratedRegex("<at>(.*?)</at>", RegexOptions.IgnoreCase, 100)]
    private static partial Regex AtTag();
}
