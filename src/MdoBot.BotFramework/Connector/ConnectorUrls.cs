namespace MdoBot.BotFramework.Connector;

/// <summary>Builds Bot Connector URLs under a <c>serviceUrl</c>, escaping every id.</summary>
internal static class ConnectorUrls
{
    public static Uri Conversations(string serviceUrl) => Build(serviceUrl, "v3/conversations");

    public static Uri Activities(string serviceUrl, string conversationId) =>
        Build(serviceUrl, $"v3/conversations/{Escape(conversationId, nameof(conversationId))}/activities");

    public static Uri Activity(string serviceUrl, string conversationId, string activityId) =>
        Build(serviceUrl, $"v3/conversations/{Escape(conversationId, nameof(conversationId))}/activities/{Escape(activityId, nameof(activityId))}");

    public static Uri Members(string serviceUrl, string conversationId) =>
        Build(serviceUrl, $"v3/conversations/{Escape(conversationId, nameof(conversationId))}/members");

    public static Uri Meeting(string serviceUrl, string meetingId) =>
        Build(serviceUrl, $"v1/meetings/{Escape(meetingId, nameof(meetingId))}");

    public static Uri Participant(string serviceUrl, string meetingId, string participantId, string tenantId) =>
        Build(serviceUrl, $"v1/meetings/{Escape(meetingId, nameof(meetingId))}/participants/"
            + $"{Escape(participantId, nameof(participantId))}?tenantId={Escape(tenantId, nameof(tenantId))}");

    private static string Escape(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return Uri.EscapeDataString(value);
    }

    private static Uri Build(string serviceUrl, string relative)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)
            || parsed.Query.Length > 0 || parsed.Fragment.Length > 0)
        {
            throw new ArgumentException("serviceUrl must be an absolute http(s) URL without query or fragment.", nameof(serviceUrl));
        }

        return new Uri(serviceUrl.TrimEnd('/') + "/" + relative, UriKind.Absolute);
    }
}
