using System.Globalization;
using System.Net.Http.Headers;
using MdoBot.BotFramework.Outbound;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MdoBot.Graph.Http;

/// <summary>
/// Replaces the Kiota <c>RetryHandler</c> in the Graph pipeline. That handler does honour <c>Retry-After</c>
/// (delta seconds; its HTTP-date parsing drops all but the seconds component), but it waits with
/// <c>Task.Delay</c> on real time, caps waits at 180 s instead of giving up, and never retries 500.
/// This one: retries 429/500/502/503/504 and network errors at most <see cref="GraphOptions.MaxRetries"/>
/// times, waits exactly the server's <c>Retry-After</c> (or exponential back-off with jitter), fails at once
/// when <c>Retry-After</c> exceeds <see cref="GraphOptions.MaxRetryAfter"/>, never retries 4xx such as 403,
/// and takes every wait and attempt time-out from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class GraphRetryHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger _logger;

    public GraphRetryHandler(GraphOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, time)),
                DelayGenerator = args => OutboundRetry.RetryAfterDelay(args, time),
                OnRetry = args => OutboundRetry.LogRetry(_logger, "Graph", args),
            });
        }

        _pipeline = builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>Statuses worth another try: throttled, server and gateway errors.</summary>
    public static bool IsTransient(int status) => status is 429 or 500 or 502 or 503 or 504;


    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var context = ResilienceContextPool.Shared.Get(GraphOperation.Of(request), cancellationToken);
        try
        {
            return await _pipeline.ExecuteAsync(
                async (ctx, state) => await base.SendAsync(Clone(state.request, state.body), ctx.CancellationToken).ConfigureAwait(false),
                context,
                (request, body)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, GraphOptions options, TimeProvider time)
    {
        switch (outcome)
        {
            case { Exception: { } e }:
                return e is HttpRequestException or TimeoutRejectedException && !context.CancellationToken.IsCancellationRequested;
            case { Result: { } r } when IsTransient((int)r.StatusCode):
                var wait = RetryAfterHeader.Wait(r.Headers.RetryAfter, time.GetUtcNow());
                if (wait > options.MaxRetryAfter)
                {
                    GraphLog.RetryAfterTooLong(_logger, context.OperationKey ?? "call", wait.Value, options.MaxRetryAfter);
                    return false;
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>A fresh message per attempt: a sent request (and its content stream) cannot be sent again.</summary>
    private static HttpRequestMessage Clone(HttpRequestMessage original, byte[]? body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri)
        {
            Version = original.Version,
            VersionPolicy = original.VersionPolicy,
        };
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var options = (IDictionary<string, object?>)copy.Options;
        foreach (var option in original.Options)
        {
            options[option.Key] = option.Value;
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in original.Content!.Headers.Where(h => h.Key != "Content-Length"))
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }
}
