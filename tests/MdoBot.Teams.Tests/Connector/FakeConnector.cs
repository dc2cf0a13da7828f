using System.Globalization;
using MdoBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MdoBot.Teams.Tests.Connector;

/// <summary>What the fake connector saw: <see cref="Target"/> is the raw (still escaped) request target.</summary>
internal sealed record RecordedRequest(
    int Index, string Method, string Target, string Body, string? Authorization, string? ContentType, DateTimeOffset At);

/// <summary>
/// A scripted reply. Null body = a default: <c>{"id":"activity-N"}</c> on success, an error object otherwise.
/// <paramref name="Hang"/> = never answer (until the client gives up on the request).
/// </summary>
internal sealed record ScriptedReply(int Status, string? Body = null, string? RetryAfter = null, bool Hang = false);

/// <summary>
/// A fake Bot Connector on a real local HTTP server. It records every request (time from the test
/// clock) and answers from a script, falling back to <see cref="Fallback"/>.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    public const string ServerSecret = "server-side-detail-that-must-not-leak";

    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Queue<ScriptedReply> _script = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stopping = new();
    private LocalHttpServer? _server;

    private FakeConnector(TimeProvider clock) => _clock = clock;

    public string ServiceUrl { get; private set; } = "";

    public ScriptedReply Fallback { get; set; } = new(201);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeConnector> StartAsync(TimeProvider clock)
    {
        var fake = new FakeConnector(clock);
        fake._server = await LocalHttpServer.StartAsync(app => app.Run(fake.HandleAsync));
        fake.ServiceUrl = fake._server.BaseUrl;
        return fake;
    }

    public void Enqueue(params ScriptedReply[] replies)
    {
        lock (_gate)
        {
            foreach (var reply in replies)
            {
                _script.Enqueue(reply);
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> requests have arrived (bounded by a real-time safety timeout).</summary>
    public Task WaitForRequestsAsync(int count)
    {
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(TestClock.SafetyTimeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is not null)
        {
            await _stopping.CancelAsync(); // release hanging requests so the server can stop at once
            await server.DisposeAsync();
            _stopping.Dispose();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await context.Request.ReadBodyAsync();
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        ScriptedReply reply;
        int index;
        lock (_gate)
        {
            index = _requests.Count;
            _requests.Add(new RecordedRequest(index, context.Request.Method, target, body,
                context.Request.Headers.Authorization.FirstOrDefault(), context.Request.ContentType, _clock.GetUtcNow()));
            reply = _script.Count > 0 ? _script.Dequeue() : Fallback;
            foreach (var waiter in _waiters.Where(w => _requests.Count >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        if (reply.Hang)
        {
            using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            await gone.Token.WhenCanceledAsync();
            return;
        }

        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(reply.Body ?? (reply.Status is >= 200 and < 300
            ? string.Create(CultureInfo.InvariantCulture, $$"""{"id":"activity-{{index}}"}""")
            : $$$"""{"error":{"code":"Fake","message":"{{{ServerSecret}}}"}}"""));
    }
}

internal static class CancellationTokenExtensions
{
    public static Task WhenCanceledAsync(this CancellationToken token)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => done.TrySetResult());
        return done.Task;
    }
}
