using System.Collections.Concurrent;
using System.Net.Http.Headers;
using MdoBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MdoBot.EndToEnd.Tests.Cluster;

/// <summary>
/// A small round-robin load balancer on 127.0.0.1 in front of the cluster's <c>/api/messages</c>, like the
/// one in front of a real deployment: each delivery goes to the next node; a node that refuses, resets or
/// does not answer within <see cref="AttemptTimeout"/> is skipped for <see cref="DownFor"/> and the delivery
/// tried on the next. Every answer a node gave is recorded (to check that no surviving node answered 5xx).
/// </summary>
internal sealed class RoundRobinProxy : IAsyncDisposable
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan DownFor = TimeSpan.FromSeconds(3);

    private readonly IReadOnlyList<ClusterNode> _nodes;
    private readonly ConcurrentDictionary<int, DateTimeOffset> _downUntil = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) }) { Timeout = AttemptTimeout };
    private LocalHttpServer? _server;
    private int _next;

    private RoundRobinProxy(IReadOnlyList<ClusterNode> nodes) => _nodes = nodes;

    public Uri BaseAddress => new(_server!.BaseUrl);

    /// <summary>Each answer a node gave: which node, its status, when (real time).</summary>
    public ConcurrentQueue<(string Node, int Status, DateTimeOffset At)> Answers { get; } = new();

    public static async Task<RoundRobinProxy> StartAsync(IReadOnlyList<ClusterNode> nodes)
    {
        var proxy = new RoundRobinProxy(nodes);
        proxy._server = await LocalHttpServer.StartAsync(app => app.MapPost("/api/messages", proxy.ForwardAsync));
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        for (var tried = 0; tried < _nodes.Count; tried++)
        {
            var node = _nodes[(int)((uint)Interlocked.Increment(ref _next) % _nodes.Count)];
            if (_downUntil.TryGetValue(node.Number, out var until) && until > DateTimeOffset.UtcNow)
            {
                continue;
            }

            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(context.Request.ContentType ?? "application/json");
                using var response = await _http.PostAsync(new Uri(node.BaseAddress, "api/messages"), content, context.RequestAborted);
                var answer = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
                Answers.Enqueue((node.Name, (int)response.StatusCode, DateTimeOffset.UtcNow));
                context.Response.StatusCode = (int)response.StatusCode;
                context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
                await context.Response.Body.WriteAsync(answer, context.RequestAborted);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                _downUntil[node.Number] = DateTimeOffset.UtcNow + DownFor;
            }
        }

        context.Response.StatusCode = StatusCodes.Status502BadGateway; // no node answered: the connector retries
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
