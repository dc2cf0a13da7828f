using MdoBot.Testing;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.Teams.Tests.Connector;

public sealed class ConnectorClientRateLimitTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private FakeConnector _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeConnector.StartAsync(_clock);

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task A_burst_to_one_conversation_is_delivered_in_order_within_the_teams_limits()
    {
        var client = ConnectorTestKit.CreateClient(_clock);

        var sends = Enumerable.Range(0, 10)
            .Select(i => client.SendToConversationAsync(_fake.ServiceUrl, "a:burst", Activity.CreateMessage($"m{i}")))
            .ToList();
        await _clock.RunUntilAsync(Task.WhenAll(sends));

        var requests = _fake.Requests;
        Assert.Equal(10, requests.Count);
        Assert.All(requests, (r, i) => Assert.Contains($"\"text\":\"m{i}\"", r.Body, StringComparison.Ordinal));
        AssertAtMost(requests, 7, TimeSpan.FromSeconds(1));
        AssertAtMost(requests, 8, TimeSpan.FromSeconds(2));
        var offsets = requests.Select(r => r.At - _clock.Start).ToList();
        Assert.Equal(
            [.. Enumerable.Repeat(TimeSpan.Zero, 7), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)],
            offsets);
    }

    [Fact]
    public async Task Writes_are_queued_in_call_order_across_operations()
    {
        var client = ConnectorTestKit.CreateClient(_clock);
        var calls = new List<Task>();
        for (var i = 0; i < 4; i++)
        {
            calls.Add(client.SendToConversationAsync(_fake.ServiceUrl, "a:mixed", Activity.CreateMessage($"s{i}")));
            calls.Add(client.ReplyToActivityAsync(_fake.ServiceUrl, "a:mixed", "1:root", Activity.CreateMessage($"r{i}")));
            calls.Add(client.UpdateActivityAsync(_fake.ServiceUrl, "a:mixed", "1:root", Activity.CreateMessage($"u{i}")));
            calls.Add(client.DeleteActivityAsync(_fake.ServiceUrl, "a:mixed", $"1:{i}"));
        }

        await _clock.RunUntilAsync(Task.WhenAll(calls));

        var methods = string.Join(",", _fake.Requests.Select(r => r.Method));
        Assert.Equal(string.Join(",", Enumerable.Repeat("POST,POST,PUT,DELETE", 4)), methods);
        AssertAtMost(_fake.Requests, 7, TimeSpan.FromSeconds(1));
        AssertAtMost(_fake.Requests, 8, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_throttled_conversation_does_not_block_another()
    {
        var client = ConnectorTestKit.CreateClient(_clock);
        var first = Enumerable.Range(0, 8)
            .Select(i => client.SendToConversationAsync(_fake.ServiceUrl, "a:first", Activity.CreateMessage($"f{i}")))
            .ToList();
        await _fake.WaitForRequestsAsync(7);
        await _clock.NextDelayAsync(); // the 8th send now waits for the 1-second window

        var other = await client.SendToConversationAsync(_fake.ServiceUrl, "a:second", Activity.CreateMessage("s"))
            .WaitAsync(TestClock.SafetyTimeout);

        Assert.NotNull(other.Id);
        Assert.False(first[7].IsCompleted);
        Assert.Equal(TimeSpan.Zero, _clock.Elapsed);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(first).WaitAsync(TestClock.SafetyTimeout);
        Assert.Contains("\"text\":\"f7\"", _fake.Requests[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_and_creates_are_not_rate_limited()
    {
        var client = ConnectorTestKit.CreateClient(_clock);
        _fake.Fallback = new ScriptedReply(200, "[]");

        var reads = Enumerable.Range(0, 12).Select(_ => client.GetConversationMembersAsync(_fake.ServiceUrl, "a:busy"));
        await Task.WhenAll(reads).WaitAsync(TestClock.SafetyTimeout);

        Assert.Equal(12, _fake.Requests.Count);
        Assert.Equal(TimeSpan.Zero, _clock.Elapsed);
    }

    private static void AssertAtMost(IReadOnlyList<RecordedRequest> requests, int limit, TimeSpan window)
    {
        foreach (var start in requests)
        {
            var inWindow = requests.Count(r => r.At >= start.At && r.At < start.At + window);
            Assert.True(inWindow <= limit, $"{inWindow} requests within {window} from {start.At:O}");
        }
    }
}
