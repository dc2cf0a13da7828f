using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using MdoBot.Testing;

namespace MdoBot.Web.Tests.Legacy;

/// <summary>
/// A <see cref="MeetingChat"/> whose activities carry the app's clock as their <c>timestamp</c>, as Teams stamps
/// them, and ids <c>clk-1</c>, <c>clk-2</c>, … that never repeat an id of a database the app was started from
/// (MeetingChat's <c>act-N</c> start at 1 again, and v1's inbox holds <c>act-1</c>… of the same chats). A store
/// that forgets inbox entries after a window refuses activities stamped before it, so the stamp has to move with
/// the test clock (BotApp.Fixture stamps it too; doing it here keeps these tests independent of that).
/// Everything else is built exactly as MeetingChat builds it.
/// </summary>
public sealed class ClockedChat(BotApp app, MeetingChat chat)
{
    private int _counter;

    public MeetingChat Chat => chat;

    public string ConversationId => chat.ConversationId;

    public JsonObject Stamp(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var now = app.Time.GetUtcNow();
        activity["timestamp"] = now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        activity["localTimestamp"] = now.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        return activity;
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity) => app.PostAsync(Stamp(activity));

    public string NextId() => $"clk-{Interlocked.Increment(ref _counter)}";

    public Task<HttpResponseMessage> InstallAsync() => PostAsync(chat.Activity("groupchat-conversationUpdate-botAdded", MeetingChat.Chair, NextId()));

    /// <summary>A typed command with an @mention of MdoBot (and of <paramref name="mentions"/>), as MeetingChat.SayAsync.</summary>
    public async Task SayAsync((string Id, string Name) user, string text, params (string Id, string Name)[] mentions)
    {
        var a = chat.MentionMessage(user, text, NextId(), mentions);
        var response = await PostAsync(a);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Presses an Action.Execute button in the meeting chat; returns the invoke answer's body.</summary>
    public async Task<JsonNode?> InvokeAsync((string Id, string Name) user, JsonObject data, string? activityId = null)
    {
        var response = await PostAsync(chat.InvokeActivity(user, data, activityId ?? NextId()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>Presses a button on a card in the user's 1:1 chat with MdoBot.</summary>
    public async Task<JsonNode?> PersonalInvokeAsync((string Id, string Name) user, string personalConversation, JsonObject data)
    {
        var invoke = chat.InvokeActivity(user, data, NextId());
        invoke["conversation"] = new JsonObject { ["id"] = personalConversation, ["conversationType"] = "personal" };
        invoke.Remove("channelData");
        var response = await PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>Waits for a card sent into this chat containing all the texts.</summary>
    public async Task<JsonNode> SentCardAsync(params string[] texts) =>
        (await app.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == chat.ConversationId && texts.All(c.IsCard))).Card!;
}

/// <summary>Bounded waits for conditions on stored state that no connector call announces.</summary>
public static class StoredState
{
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for: " + what);
            }

            await Task.Delay(15); // allowed: bounded poll for a condition (as SecurityKit.DrainAsync)
        }
    }

    /// <summary>A filter for the calls the fake connector records from now on (not any recorded before).</summary>
    public static Func<RecordedCall, bool> FromNow(this FakeBotConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var before = new HashSet<RecordedCall>(connector.Calls, ReferenceEqualityComparer.Instance);
        return c => !before.Contains(c);
    }
}
