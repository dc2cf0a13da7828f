using MdoBot.Web.Tests.Security;

namespace MdoBot.Web.Tests;

/// <summary>
/// The set-up most Web tests share: a running MdoBot (<see cref="BotApp"/>) with one meeting chat whose
/// three members are registered with the fake connector, MdoBot installed in it, and a scenario driver.
/// A test class overrides <see cref="StartAppAsync"/> for its own settings, and the chat's ids when it
/// wants a conversation of its own in the logs.
/// </summary>
public abstract class MeetingChatTest : IAsyncLifetime
{
    protected BotApp App { get; private set; } = null!;

    protected MeetingChat Chat { get; private set; } = null!;

    protected MdoScenario Scenario { get; private set; } = null!;

    /// <summary>The meeting chat's conversation id and meeting id (the default test meeting unless overridden).</summary>
    protected virtual (string ConversationId, string MeetingId) ChatIds => ("19:meeting_mdotest@thread.v2", "MCMxOTptZWV0aW5nX21kb3Rlc3Q");

    /// <summary>Whether MdoBot is installed in the chat before each test (the install event and its welcome card).</summary>
    protected virtual bool InstallFirst => true;

    /// <summary>Starts MdoBot; by default with the test defaults.</summary>
    protected virtual Task<BotApp> StartAppAsync() => BotApp.StartAsync();

    /// <summary>Tells the fake connector who is in the chat (by default the three members, without e-mail addresses).</summary>
    protected virtual void RegisterMembers() => Chat.RegisterMembers();

    /// <summary>Runs after the chat is set up and (unless <see cref="InstallFirst"/> is false) MdoBot installed.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        App = await StartAppAsync();
        Chat = new MeetingChat(App, ChatIds.ConversationId, ChatIds.MeetingId);
        RegisterMembers();
        Scenario = new MdoScenario(App, Chat);
        if (InstallFirst)
        {
            await Chat.InstallAsync();
        }

        await ArrangeAsync();
    }

    public virtual async Task DisposeAsync() => await App.DisposeAsync();
}
