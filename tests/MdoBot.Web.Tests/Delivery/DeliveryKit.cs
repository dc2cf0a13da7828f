using MdoBot.Web.Tests.Security;

namespace MdoBot.Web.Tests.Delivery;

/// <summary>Reading the outbox's per-conversation delivery state from the app's database, and waiting on it (bounded).</summary>
public static class DeliveryKit
{
    /// <summary>The connector's own retries off: every failure reaches the outbox at once (as in the 40 s outage).</summary>
    public static Dictionary<string, string?> NoConnectorRetries(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Connector:MaxRetries"] = "0" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The conversation's stored not-before time; null when it has none.</summary>
    public static DateTimeOffset? NotBefore(this BotApp app, string conversationId) =>
        app.Query<long>("SELECT COALESCE(MAX(not_before), -1) FROM delivery_state WHERE conversation_id = $p0", conversationId) is var ms and >= 0
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    /// <summary>Conversations with pending messages that may be delivered now (no not-before ahead on the app's clock).</summary>
    public static long DueConversations(this BotApp app) => app.Query<long>(
        """
        SELECT COUNT(DISTINCT o.conversation_id) FROM outbox o LEFT JOIN delivery_state s ON s.conversation_id = o.conversation_id
        WHERE o.failed = 0 AND (s.not_before IS NULL OR s.not_before <= $p0)
        """, app.Time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>The earliest stored not-before time of a conversation with pending messages.</summary>
    public static DateTimeOffset? NextNotBefore(this BotApp app) =>
        app.Query<long>(
            """
            SELECT COALESCE(MIN(s.not_before), -1) FROM delivery_state s
            WHERE EXISTS (SELECT 1 FROM outbox o WHERE o.conversation_id = s.conversation_id AND o.failed = 0)
            """) is var ms and >= 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public static long DeadLetters(this BotApp app) => app.Query<long>("SELECT COUNT(*) FROM outbox WHERE failed = 1");

    /// <summary>Waits (bounded, real time) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting: " + what);
            }

            await Task.Delay(15); // allowed: bounded poll for a condition
        }
    }

    /// <summary>Sends to <paramref name="conversationId"/> that the fake connector answered normally.</summary>
    public static int Sends(this BotApp app, string conversationId) =>
        app.Connector.Calls.Count(c => c.Kind == "send" && c.ConversationId == conversationId);

    /// <summary>Installs MdoBot in a chat and waits until its welcome went out.</summary>
    public static async Task<MeetingChat> InstalledChatAsync(this BotApp app, string conversationId, string meetingId)
    {
        var chat = new MeetingChat(app, conversationId, meetingId);
        chat.RegisterMembers();
        await chat.InstallAsync();
        await app.DrainAsync();
        return chat;
    }
}
