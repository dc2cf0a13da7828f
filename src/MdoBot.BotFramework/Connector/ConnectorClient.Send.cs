using System.Net.Http.Headers;
using System.Text.Json;
using MdoBot.BotFramework.Protocol;
using Polly;

namespace MdoBot.BotFramework.Connector;

public sealed partial class ConnectorClient
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    /// <summary>One connector call. <paramref name="Body"/> is serialized once and sent as fresh content per attempt.</summary>
    private readonly record struct ConnectorCall(
        string Operation,
        HttpMethod Method,
        Uri Url,
        byte[]? Body,
        string? RateLimitKey,
        bool NullWhenMissing = false,
        bool ReadBody = true);

    private async Task<T?> SendAsync<T>(ConnectorCall call, CancellationToken ct)
        where T : class
    {
        var (response, attempts) = await ExecuteAsync(call, ct).ConfigureAwait(false);
        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return call.ReadBody ? await ReadAsync<T>(response, call.Operation, ct).ConfigureAwait(false) : null;
            }

            if (call.NullWhenMissing && status is 404 or 403)
            {
                return null;
            }

            if (ConnectorResilience.IsTransient(status))
            {
                ConnectorLog.RetriesExhausted(_logger, call.Operation, attempts, status);
                throw new ConnectorException(status, call.Operation,
                    $"Bot Connector {call.Operation} gave up after {attempts} attempt(s) with HTTP {status}.",
                    Outbound.RetryAfterHeader.Wait(response.Headers.RetryAfter, _time.GetUtcNow()));
            }

            ConnectorLog.RequestFailed(_logger, call.Operation, status);
            throw new ConnectorException(status, call.Operation, $"Bot Connector {call.Operation} failed with HTTP {status}.");
        }
    }

    private async Task<(HttpResponseMessage Response, int Attempts)> ExecuteAsync(ConnectorCall call, CancellationToken ct)
    {
        // Writes to one conversation keep their call order (and stay within Teams' limits) by
        // holding the conversation's turn for the whole call, retries included.
        using var turn = call.RateLimitKey is null ? null : await _limiter.EnterAsync(call.RateLimitKey, ct).ConfigureAwait(false);
        var context = ResilienceContextPool.Shared.Get(call.Operation, ct);
        var attempts = 0;
        try
        {
            var response = await _retry.ExecuteAsync(
                async ctx =>
                {
                    attempts++;
                    if (turn is not null)
                    {
                        await turn.WaitForSlotAsync(ctx.CancellationToken).ConfigureAwait(false);
                    }

                    return await _attemptTimeout.ExecuteAsync(
                        (token) => SendOnceAsync(call, token), ctx.CancellationToken).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
            return (response, attempts);
        }
        catch (Exception e) when (ConnectorResilience.IsTransient(e) && !ct.IsCancellationRequested)
        {
            var reason = e is HttpRequestException ? "transport error" : "timed out";
            ConnectorLog.NoResponse(_logger, call.Operation, attempts, reason, e);
            throw new ConnectorException(0, call.Operation,
                $"Bot Connector {call.Operation} got no response after {attempts} attempt(s): {reason}.");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(ConnectorCall call, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(call.Method, call.Url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.ContentType = JsonMediaType;
        }

        var token = await _tokens.GetTokenAsync(ct).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
    }

    private async Task<T?> ReadAsync<T>(HttpResponseMessage response, string operation, CancellationToken ct)
        where T : class
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            var status = (int)response.StatusCode;
            ConnectorLog.InvalidResponse(_logger, operation, status);
            throw new ConnectorException(status, operation, $"Bot Connector {operation} returned a body that is not valid JSON.");
        }
    }
}
