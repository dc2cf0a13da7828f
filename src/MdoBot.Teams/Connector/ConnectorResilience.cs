using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MdoBot.Teams.Connector;

/// <summary>The Polly pipelines of the connector client: retries around, a per-attempt time-out within.</summary>
internal static class ConnectorResilience
{
    /// <summary>Statuses worth another try: throttled, precondition race, gateway and availability errors.</summary>
    public static bool IsTransient(int status) => status is 429 or 412 or 502 or 503 or 504;

    public static bool IsTransient(Exception exception) => exception
        is HttpRequestException
        or TimeoutRejectedException
        or TaskCanceledException { InnerException: TimeoutException }; // HttpClient.Timeout

    public static ResiliencePipeline<HttpResponseMessage> CreateRetry(ConnectorOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: { } e } => IsTransient(e),
                { Result: { } r } => IsTransient((int)r.StatusCode)
                    && !(RetryAfter(r.Headers.RetryAfter, time.GetUtcNow()) > options.MaxRetryAfter),
                _ => false,
            }),
            // The service's Retry-After (if any) replaces the computed back-off: wait at least that long.
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } r ? RetryAfter(r.Headers.RetryAfter, time.GetUtcNow()) : null),
            OnRetry = args =>
            {
                var outcome = args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : args.Outcome.Exception?.GetType().Name ?? "unknown";
                ConnectorLog.Retrying(logger, args.Context.OperationKey ?? "call", args.AttemptNumber + 1, outcome, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    public static ResiliencePipeline CreateAttemptTimeout(ConnectorOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        return options.HasAttemptTimeout ? builder.AddTimeout(options.Timeout).Build() : builder.Build();
    }

    /// <summary>How long a <c>Retry-After</c> header (delta-seconds or HTTP date) asks us to wait; null when absent.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        var wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
