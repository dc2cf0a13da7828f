using MdoBot.BotFramework.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace MdoBot.BotFramework.Connector;

/// <summary>
/// <see cref="IConnectorClient"/> over HttpClient. Writes to a conversation (send, reply, update,
/// delete) go through the <see cref="ConversationRateLimiter"/> in call order; every call retries
/// transient failures with back-off and fails with <see cref="ConnectorException"/>.
/// </summary>
public sealed partial class ConnectorClient : IConnectorClient
{
    private readonly HttpClient _http;
    private readonly IConnectorTokenProvider _tokens;
    private readonly ConversationRateLimiter _limiter;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly ResiliencePipeline _attemptTimeout;
    private readonly TimeProvider _time;

    public ConnectorClient(
        HttpClient http,
        IConnectorTokenProvider tokens,
        ConversationRateLimiter limiter,
        IOptions<ConnectorOptions> options,
        TimeProvider time,
        ILogger<ConnectorClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var settings = options.Value;
        if (settings.Validate() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        _http = http;
        _tokens = tokens;
        _limiter = limiter;
        _logger = logger;
        _time = time;
        _retry = ConnectorResilience.CreateRetry(settings, time, logger);
        _attemptTimeout = ConnectorResilience.CreateAttemptTimeout(settings, time);
    }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct = default) =>
        PostActivityAsync(serviceUrl, conversationId, Body(activity), ct);

    public async Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct = default) =>
        await SendAsync<ResourceResponse>(new("ReplyToActivity", HttpMethod.Post, ConnectorUrls.Activity(serviceUrl, conversationId, replyToId),
            Body(activity), conversationId), ct).ConfigureAwait(false) ?? new ResourceResponse();

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct = default) =>
        PutActivityAsync(serviceUrl, conversationId, activityId, Body(activity), ct);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, ActivityJson activity, CancellationToken ct = default) =>
        PostActivityAsync(serviceUrl, conversationId, Json(activity), ct);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, ActivityJson activity, CancellationToken ct = default) =>
        PutActivityAsync(serviceUrl, conversationId, activityId, Json(activity), ct);

    private async Task<ResourceResponse> PostActivityAsync(string serviceUrl, string conversationId, byte[] body, CancellationToken ct) =>
        await SendAsync<ResourceResponse>(new("SendToConversation", HttpMethod.Post, ConnectorUrls.Activities(serviceUrl, conversationId),
            body, conversationId), ct).ConfigureAwait(false) ?? new ResourceResponse();

    private async Task<ResourceResponse> PutActivityAsync(string serviceUrl, string conversationId, string activityId, byte[] body, CancellationToken ct) =>
        await SendAsync<ResourceResponse>(new("UpdateActivity", HttpMethod.Put, ConnectorUrls.Activity(serviceUrl, conversationId, activityId),
            body, conversationId), ct).ConfigureAwait(false) ?? new ResourceResponse();

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken ct = default) =>
        await SendAsync<object>(new("DeleteActivity", HttpMethod.Delete, ConnectorUrls.Activity(serviceUrl, conversationId, activityId),
            null, conversationId, ReadBody: false), ct).ConfigureAwait(false);

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct = default) =>
        await SendAsync<ConversationResourceResponse>(new("CreateConversation", HttpMethod.Post, ConnectorUrls.Conversations(serviceUrl),
            Body(parameters), null), ct).ConfigureAwait(false) ?? new ConversationResourceResponse();

    public async Task<IReadOnlyList<TeamsChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken ct = default) =>
        await SendAsync<List<TeamsChannelAccount>>(new("GetConversationMembers", HttpMethod.Get, ConnectorUrls.Members(serviceUrl, conversationId),
            null, null), ct).ConfigureAwait(false) ?? [];

    public Task<MeetingInfo?> GetMeetingInfoAsync(string serviceUrl, string meetingId, CancellationToken ct = default) =>
        SendAsync<MeetingInfo>(new("GetMeetingInfo", HttpMethod.Get, ConnectorUrls.Meeting(serviceUrl, meetingId),
            null, null, NullWhenMissing: true), ct);

    public Task<MeetingParticipant?> GetMeetingParticipantAsync(string serviceUrl, string meetingId, string participantId, string tenantId, CancellationToken ct = default) =>
        SendAsync<MeetingParticipant>(new("GetMeetingParticipant", HttpMethod.Get, ConnectorUrls.Participant(serviceUrl, meetingId, participantId, tenantId),
            null, null, NullWhenMissing: true), ct);

    private static byte[] Json(ActivityJson activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Utf8;
    }

    private static byte[] Body<T>(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, ProtocolJson.Options);
    }
}
