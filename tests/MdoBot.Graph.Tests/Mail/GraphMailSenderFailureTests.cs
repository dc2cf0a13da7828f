using MdoBot.BotFramework.Mail;
using MdoBot.Testing;
using System.Globalization;
using MdoBot.Graph.Mail;
using MdoBot.Graph.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MdoBot.Graph.Tests.Mail;

public sealed class GraphMailSenderFailureTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private readonly ListLoggerProvider _logs = new();
    private FakeGraph _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeGraph.StartAsync(_clock);

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task SendAsync_Forbidden_ReturnsUnavailableAtOnceWithoutRetry()
    {
        _fake.Enqueue(ScriptedReply.Error(403, "ErrorAccessDenied"));

        var result = await Sender().SendAsync(GraphTestKit.Message(), CancellationToken.None);

        Assert.Equal(MailOutcome.Unavailable, result.Outcome);
        Assert.Equal(403, result.StatusCode);
        Assert.Equal("ErrorAccessDenied", result.ErrorCode);
        Assert.Contains("403", result.Reason, StringComparison.Ordinal);
        Assert.Single(_fake.Requests);
        Assert.Equal(TimeSpan.Zero, _clock.Elapsed);
        var warning = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("403", warning.Message, StringComparison.Ordinal);
        AssertNoPersonalData(result);
    }

    [Theory]
    [InlineData(401, "InvalidAuthenticationToken")]
    [InlineData(404, "ErrorInvalidUser")]
    public async Task SendAsync_UnauthorizedOrNoMailbox_ReturnsUnavailableWithoutRetry(int status, string code)
    {
        _fake.Enqueue(ScriptedReply.Error(status, code));

        var result = await Sender().SendAsync(GraphTestKit.Message(), CancellationToken.None);

        Assert.Equal(new MailResult(MailOutcome.Unavailable, result.Reason, status, code), result);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task SendAsync_ThrottledWithRetryAfterSeconds_RetriesOnlyAfterThatDelayThenSends()
    {
        _fake.Enqueue(ScriptedReply.Error(429, "ApplicationThrottled", retryAfter: "7"));

        var send = Sender().SendAsync(GraphTestKit.Message(), CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(7), await _clock.NextDelayAsync());
        _clock.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromMilliseconds(1));
        Assert.Single(_fake.Requests);
        Assert.False(send.IsCompleted);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var result = await send.WaitAsync(TestClock.SafetyTimeout);

        Assert.Equal(MailResult.Sent, result);
        var requests = _fake.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(7), requests[1].At - requests[0].At);
        Assert.Equal(requests[0].Body, requests[1].Body); // the body is re-sent, not a consumed stream
        Assert.Equal(requests[0].Authorization, requests[1].Authorization);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("429", StringComparison.Ordinal));
        Assert.Contains(_logs.Entries, e => e.Message.StartsWith("Graph SendMail attempt 1 failed (429); retrying in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_ThrottledWithRetryAfterDate_WaitsUntilThatDate()
    {
        var at = _clock.GetUtcNow().AddSeconds(5).ToString("r", CultureInfo.InvariantCulture);
        _fake.Enqueue(ScriptedReply.Error(429, "ApplicationThrottled", retryAfter: at));

        var send = Sender().SendAsync(GraphTestKit.Message(), CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(5), await _clock.NextDelayAsync());
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True((await send.WaitAsync(TestClock.SafetyTimeout)).IsSent);
        Assert.Equal(2, _fake.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_RetryAfterBeyondLimit_FailsAtOnceWithoutWaiting()
    {
        _fake.Enqueue(ScriptedReply.Error(429, "ApplicationThrottled", retryAfter: "3600"));

        var result = await Sender().SendAsync(GraphTestKit.Message(), CancellationToken.None);

        Assert.Equal(MailOutcome.Failed, result.Outcome);
        Assert.Equal(429, result.StatusCode);
        Assert.Single(_fake.Requests);
        Assert.Equal(TimeSpan.Zero, _clock.Elapsed);
    }

    [Fact]
    public async Task SendAsync_Repeated500_StopsAfterBoundedRetriesAndFailsClearly()
    {
        _fake.Fallback = ScriptedReply.Error(500, "InternalServerError");

        var send = Sender(maxRetries: 2).SendAsync(GraphTestKit.Message(), CancellationToken.None);
        await _clock.RunUntilAsync(send);
        var result = await send;

        Assert.Equal(MailOutcome.Failed, result.Outcome);
        Assert.Equal(500, result.StatusCode);
        Assert.Contains("500", result.Reason, StringComparison.Ordinal);
        Assert.Contains("retries", result.Reason, StringComparison.Ordinal);
        Assert.Equal(3, _fake.Requests.Count); // 1 attempt + 2 retries
        Assert.True(_clock.Elapsed > TimeSpan.Zero); // back-off waited on the injected clock
        Assert.Equal(2, _logs.Entries.Count(e => e.Level == LogLevel.Warning));
        var error = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("SendMail", error.Message, StringComparison.Ordinal);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        AssertNoPersonalData(result);
    }

    [Fact]
    public async Task SendAsync_ServiceUnavailableOnce_IsRetriedWithBackoffAndSends()
    {
        _fake.Enqueue(ScriptedReply.Error(503, "ServiceUnavailable"));

        var send = Sender().SendAsync(GraphTestKit.Message(), CancellationToken.None);
        await _clock.RunUntilAsync(send);

        Assert.True((await send).IsSent);
        Assert.Equal(2, _fake.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_BadRequest_FailsWithoutRetry()
    {
        _fake.Enqueue(ScriptedReply.Error(400, "ErrorInvalidRecipients"));

        var result = await Sender().SendAsync(GraphTestKit.Message(), CancellationToken.None);

        Assert.Equal(new MailResult(MailOutcome.Failed, result.Reason, 400, "ErrorInvalidRecipients"), result);
        Assert.Single(_fake.Requests);
        AssertNoPersonalData(result);
    }

    [Fact]
    public async Task SendAsync_NoServerListening_FailsAfterRetriesWithoutStatus()
    {
        var options = GraphTestKit.Options(_fake);
        await _fake.DisposeAsync(); // connection refused from now on
        var sender = GraphTestKit.Sender(options, _clock, _logs);

        var send = sender.SendAsync(GraphTestKit.Message(), CancellationToken.None);
        await _clock.RunUntilAsync(send);
        var result = await send;

        Assert.Equal(MailOutcome.Failed, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.Equal(2, _logs.Entries.Count(e => e.Level == LogLevel.Warning));
        _fake = await FakeGraph.StartAsync(_clock); // for DisposeAsync
    }

    private IMailSender Sender(int maxRetries = 2) => GraphTestKit.Sender(GraphTestKit.Options(_fake, maxRetries: maxRetries), _clock, _logs);

    private void AssertNoPersonalData(MailResult result)
    {
        foreach (var text in _logs.AllText.Append(result.Reason ?? ""))
        {
            Assert.DoesNotContain(FakeGraph.LeakyText, text, StringComparison.Ordinal);
            Assert.DoesNotContain("ouder@", text, StringComparison.Ordinal);
            Assert.DoesNotContain(GraphTestKit.SenderMailbox, text, StringComparison.Ordinal);
            Assert.DoesNotContain("logopedist", text, StringComparison.Ordinal);
        }
    }
}
