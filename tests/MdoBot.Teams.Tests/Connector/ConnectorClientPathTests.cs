using MdoBot.Testing;
using System.Text.Json;
using MdoBot.BotFramework.Connector;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.Teams.Tests.Connector;

public sealed class ConnectorClientPathTests : IAsyncLifetime
{
    private const string ConversationId = "19:abc@thread.tacv2;messageid=1700000000000";
    private const string EscapedConversation = "19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000000";
    private readonly TestClock _clock = new();
    private FakeConnector _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeConnector.StartAsync(_clock);

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Theory]
    [InlineData("amer")]
    [InlineData("amer/")]
    public async Task Activity_writes_use_the_v3_paths_with_escaped_ids(string region)
    {
        var client = ConnectorTestKit.CreateClient(_clock);
        var serviceUrl = _fake.ServiceUrl + region;

        var sent = await client.SendToConversationAsync(serviceUrl, ConversationId, Activity.CreateMessage("one"));
        await client.ReplyToActivityAsync(serviceUrl, ConversationId, "1:root", Activity.CreateMessage("two"));
        await client.UpdateActivityAsync(serviceUrl, ConversationId, "1:xyz", Activity.CreateMessage("edited"));
        await client.DeleteActivityAsync(serviceUrl, ConversationId, "1:xyz");

        Assert.Equal("activity-0", sent.Id);
        var requests = _fake.Requests;
        Assert.Equal(
            [
                $"POST /amer/v3/conversations/{EscapedConversation}/activities",
                $"POST /amer/v3/conversations/{EscapedConversation}/activities/1%3Aroot",
                $"PUT /amer/v3/conversations/{EscapedConversation}/activities/1%3Axyz",
                $"DELETE /amer/v3/conversations/{EscapedConversation}/activities/1%3Axyz",
            ],
            requests.Select(r => $"{r.Method} {r.Target}"));
        Assert.Equal("edited", JsonDocument.Parse(requests[2].Body).RootElement.GetProperty("text").GetString());
        Assert.StartsWith("application/json", requests[0].ContentType, StringComparison.Ordinal);
        Assert.Equal("", requests[3].Body);
    }

    [Fact]
    public async Task Create_conversation_posts_the_parameters()
    {
        _fake.Enqueue(new ScriptedReply(201, """{"id":"a:new","activityId":"1:first","serviceUrl":"https://x/"}"""));
        var client = ConnectorTestKit.CreateClient(_clock);

        var created = await client.CreateConversationAsync(_fake.ServiceUrl, new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "tenant-1",
            Activity = Activity.CreateMessage("welcome"),
        });

        Assert.Equal("a:new", created.Id);
        Assert.Equal("1:first", created.ActivityId);
        var request = Assert.Single(_fake.Requests);
        Assert.Equal("POST /v3/conversations", $"{request.Method} {request.Target}");
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.False(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("29:user", body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("tenant-1", body.GetProperty("tenantId").GetString());
        Assert.Equal("welcome", body.GetProperty("activity").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Members_are_read_from_the_conversation()
    {
        _fake.Enqueue(new ScriptedReply(200, """[{"id":"29:1","name":"Ann","aadObjectId":"oid-1","userRole":"user"}]"""));
        var client = ConnectorTestKit.CreateClient(_clock);

        var members = await client.GetConversationMembersAsync(_fake.ServiceUrl, ConversationId);

        var member = Assert.Single(members);
        Assert.Equal(("29:1", "Ann", "oid-1"), (member.Id, member.Name, member.AadObjectId));
        Assert.Equal($"GET /v3/conversations/{EscapedConversation}/members", $"{_fake.Requests[0].Method} {_fake.Requests[0].Target}");
    }

    [Fact]
    public async Task Meeting_calls_use_the_v1_paths_and_map_404_and_403_to_null()
    {
        _fake.Enqueue(
            new ScriptedReply(200, """{"details":{"id":"m1","title":"Review"},"organizer":{"id":"29:o"}}"""),
            new ScriptedReply(200, """{"user":{"id":"29:p"},"meeting":{"role":"Presenter","inMeeting":true}}"""),
            new ScriptedReply(404),
            new ScriptedReply(403));
        var client = ConnectorTestKit.CreateClient(_clock);
        const string meetingId = "MCMxOTptZWV0/+=";

        var info = await client.GetMeetingInfoAsync(_fake.ServiceUrl, meetingId);
        var participant = await client.GetMeetingParticipantAsync(_fake.ServiceUrl, meetingId, "29:p", "tenant 1");
        var missing = await client.GetMeetingInfoAsync(_fake.ServiceUrl, meetingId);
        var forbidden = await client.GetMeetingParticipantAsync(_fake.ServiceUrl, meetingId, "29:p", "tenant 1");

        Assert.Equal("Review", info?.Details?.Title);
        Assert.Equal("Presenter", participant?.Meeting?.Role);
        Assert.Null(missing);
        Assert.Null(forbidden);
        Assert.Equal("/v1/meetings/MCMxOTptZWV0%2F%2B%3D", _fake.Requests[0].Target);
        Assert.Equal("/v1/meetings/MCMxOTptZWV0%2F%2B%3D/participants/29%3Ap?tenantId=tenant%201", _fake.Requests[1].Target);
    }

    [Fact]
    public async Task Other_meeting_failures_still_throw()
    {
        _fake.Enqueue(new ScriptedReply(500));
        var client = ConnectorTestKit.CreateClient(_clock);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.GetMeetingInfoAsync(_fake.ServiceUrl, "m1"));

        Assert.Equal((500, "GetMeetingInfo"), (error.StatusCode, error.Operation));
    }
}
