using System.Net.Http.Headers;
using MdoBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MdoBot.EndToEnd.Tests.Crash;

/// <summary>
/// A pass-through in front of the <see cref="FakeBotConnector"/> (MdoBot is given this gate's serviceUrl):
/// every call is forwarded unchanged. When armed, the gate runs a hook (kill MdoBot) right after the
/// connector has accepted the next message post and before MdoBot sees the answer — exactly the window in
/// which the message is posted but MdoBot has not yet recorded it as delivered.
/// </summary>
internal sealed class ConnectorGate : IAsyncDisposable
{
    private readonly HttpClient _forward = new();
    private LocalHttpServer? _server;
    private Func<Task>? _afterNextSendAccepted;
    private TaskCompletionSource? _fired;

    private ConnectorGate(FakeBotConnector connector) => Connector = connector;

    public FakeBotConnector Connector { get; }

    /// <summary>The serviceUrl to put into activities.</summary>
    public string ServiceUrl => _server!.BaseUrl + "_connector/";

    public static async Task<ConnectorGate> StartAsync(FakeBotConnector connector)
    {
        var gate = new ConnectorGate(connector);
        gate._server = await LocalHttpServer.StartAsync(app => app.Map("/_connector/{**rest}", (HttpContext http, string rest) => gate.ForwardAsync(http, rest)));
        return gate;
    }

    /// <summary>Runs <paramref name="hook"/> once, after the connector has accepted the next message post; completes when it ran.</summary>
    public Task ArmAfterNextSendAccepted(Func<Task> hook)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fired = fired;
        Volatile.Write(ref _afterNextSendAccepted, hook);
        return fired.Task;
    }

    public void Disarm() => Volatile.Write(ref _afterNextSendAccepted, null);

    private async Task ForwardAsync(HttpContext http, string rest)
    {
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), Connector.ServiceUrl + rest + http.Request.QueryString);
        var body = await http.Request.ReadBodyAsync();
        if (body.Length > 0 || http.Request.ContentLength is > 0)
        {
            request.Content = new StringContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(http.Request.ContentType ?? "application/json");
        }

        using var response = await _forward.SendAsync(request);
        var answer = await response.Content.ReadAsByteArrayAsync();
        var isSend = http.Request.Method == HttpMethods.Post && rest.StartsWith("v3/conversations/", StringComparison.Ordinal)
            && rest.EndsWith("/activities", StringComparison.Ordinal);
        if (isSend && response.IsSuccessStatusCode && Interlocked.Exchange(ref _afterNextSendAccepted, null) is { } hook)
        {
            await hook();
            _fired?.TrySetResult();
        }

        try
        {
            http.Response.StatusCode = (int)response.StatusCode;
            if (response.Content.Headers.ContentType is { } type)
            {
                http.Response.ContentType = type.ToString();
            }

            await http.Response.Body.WriteAsync(answer);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            // the caller is gone (killed): the answer goes nowhere
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _forward.Dispose();
    }
}
