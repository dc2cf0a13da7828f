using System.Net;
using MdoBot.Web.Tests.Security;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Panel;

/// <summary>The panel user is matched to the meeting participant by Entra object id, stored from Teams activities.</summary>
public sealed class PanelMemberLinkTests : IAsyncLifetime
{
    private PanelApp _panel = null!;

    public async Task InitializeAsync() => _panel = await PanelApp.StartAsync();

    public async Task DisposeAsync() => await _panel.DisposeAsync();

    private long Links(string userId) =>
        _panel.App.Query<long>("SELECT COUNT(*) FROM member_links WHERE conversation_id = $p0 AND user_id = $p1", _panel.Chat.ConversationId, userId);

    [Fact]
    public async Task Activity_FromAadObjectId_IsStoredAndIdentifiesThePanelUserWhenTheMemberListIsUnavailable()
    {
        var message = _panel.Chat.MentionMessage(Nurse, "help", null);
        message["from"]!["aadObjectId"] = PanelApp.ObjectIds[Nurse.Id];
        await _panel.App.PostAsync(message);
        await WaitUntilAsync(() => Links(Nurse.Id) == 1);
        Assert.Equal(PanelApp.ObjectIds[Nurse.Id],
            _panel.App.Query<string>("SELECT aad_object_id FROM member_links WHERE user_id = $p0", Nurse.Id));

        _panel.App.Connector.Members[_panel.Chat.ConversationId] = []; // the connector no longer lists the members
        var nurse = await _panel.GetStateAsync(_panel.TokenFor(Nurse));
        var social = await _panel.GetStateAsync(_panel.TokenFor(Social));

        Assert.Equal(HttpStatusCode.OK, nurse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, social.StatusCode); // never seen, not listed: not a participant
    }

    [Fact]
    public async Task PanelUser_FoundInTheMemberList_LinkStoredOnce()
    {
        await _panel.StateAsync(Chair);
        await _panel.StateAsync(Chair);

        Assert.Equal(1, Links(Chair.Id));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(20); // allowed: bounded poll for a background write
        }
    }
}
