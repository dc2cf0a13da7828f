using MdoBot.BotFramework.Outbound;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace MdoBot.Graph.Http;

/// <summary>
/// Replaces the Kiota <c>RetryHandler</c> in the Graph pipeline with Microsoft.Extensions.Http.Resilience's
/// <see cref="ResilienceHandler"/>. Kiota's handler does honour <c>Retry-After</c> (delta seconds; its HTTP-date
/// parsing drops all but the seconds component), but it waits with <c>Task.Delay</c> on real time, caps waits at
/// 180 s instead of giving up, and never retries 500. This pipeline: retries 429/500/502/503/504 and network errors
/// at most <see cref="GraphOptions.MaxRetries"/> times, waits exactly the server's <c>Retry-After</c> (or exponential
/// back-off with jitter), fails at once when <c>Retry-After</c> exceeds <see cref="GraphOptions.MaxRetryAfter"/>,
/// never retries 4xx such as 403, and takes every wait and attempt time-out from the injected <see cref="TimeProvider"/>.
/// </summary>
internal static class GraphResilience
{
    /// <summary>Statuses worth another try: throttled, server and gateway errors.</summary>
    public static bool IsTransient(int status) => status is 429 or 500 or 502 or 503 or 504;

    public static DelegatingHandler CreateHandler(GraphOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(OutboundRetry.Options(
                "Graph",
                options.MaxRetries,
                options.BaseDelay,
                maxDelay: null,
                args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, time, logger)),
                time,
                logger,
                Operation));
        }

        return new ResilienceHandler(builder.AddTimeout(options.AttemptTimeout).Build());
    }

    private static string Operation(ResilienceContext context) =>
        context.GetRequestMessage() is { } request ? GraphOperation.Of(request) : "call";

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, GraphOptions options, TimeProvider time, ILogger logger)
    {
        switch (outcome)
        {
            case { Exception: { } e }:
                return e is HttpRequestException or TimeoutRejectedException && !context.CancellationToken.IsCancellationRequested;
            case { Result: { } r } when IsTransient((int)r.StatusCode):
                var wait = RetryAfterHeader.Wait(r.Headers.RetryAfter, time.GetUtcNow());
                if (wait > options.MaxRetryAfter)
                {
                    GraphLog.RetryAfterTooLong(logger, Operation(context), wait.Value, options.MaxRetryAfter);
                    return false;
                }

                return true;
            default:
                return false;
        }
    }
}
