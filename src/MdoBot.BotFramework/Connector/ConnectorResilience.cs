using MdoBot.BotFramework.Outbound;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace MdoBot.BotFramework.Connector;

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

        return builder.AddRetry(OutboundRetry.Options(
            "Bot Connector",
            options.MaxRetries,
            options.BaseDelay,
            options.MaxDelay,
            args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: { } e } => IsTransient(e),
                { Result: { } r } => IsTransient((int)r.StatusCode)
                    && !(RetryAfterHeader.Wait(r.Headers.RetryAfter, time.GetUtcNow()) > options.MaxRetryAfter),
                _ => false,
            }),
            time,
            logger,
            context => context.OperationKey ?? "call")).Build();
    }

    public static ResiliencePipeline CreateAttemptTimeout(ConnectorOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        return options.HasAttemptTimeout ? builder.AddTimeout(options.Timeout).Build() : builder.Build();
    }
}
