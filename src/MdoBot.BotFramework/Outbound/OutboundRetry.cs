using System.Globalization;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace MdoBot.BotFramework.Outbound;

/// <summary>The one retry setup of every outgoing HTTP pipeline (connector, Graph): back-off, <c>Retry-After</c>, the log line.</summary>
public static partial class OutboundRetry
{
    /// <summary>
    /// Microsoft.Extensions.Http.Resilience's HTTP retry options: exponential back-off with jitter from
    /// <paramref name="baseDelay"/>, <paramref name="maxRetries"/> retries. The service's <c>Retry-After</c> (if any)
    /// replaces the back-off; it is read here on <paramref name="time"/> because the library's own reading
    /// (<see cref="HttpRetryStrategyOptions.ShouldRetryAfterHeader"/>) takes HTTP dates against the system clock.
    /// The pipeline's waits use the builder's <see cref="TimeProvider"/>: pass the same clock there.
    /// </summary>
    public static HttpRetryStrategyOptions Options(
        string service,
        int maxRetries,
        TimeSpan baseDelay,
        TimeSpan? maxDelay,
        Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>> shouldHandle,
        TimeProvider time,
        ILogger logger,
        Func<ResilienceContext, string> operation) => new()
    {
        MaxRetryAttempts = maxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = baseDelay,
        MaxDelay = maxDelay,
        ShouldHandle = shouldHandle,
        DelayGenerator = args => ValueTask.FromResult(
            args.Outcome.Result is { } r ? RetryAfterHeader.Wait(r.Headers.RetryAfter, time.GetUtcNow()) : null),
        OnRetry = args => LogRetry(logger, service, operation(args.Context), args),
    };

    /// <summary>Logs one retry of <paramref name="service"/>'s call: operation, attempt, status or error type, delay — never content.</summary>
    private static ValueTask LogRetry(ILogger logger, string service, string operation, OnRetryArguments<HttpResponseMessage> args)
    {
        var outcome = args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture)
            : args.Outcome.Exception?.GetType().Name ?? "unknown";
        Retrying(logger, service, operation, args.AttemptNumber + 1, outcome, args.RetryDelay);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "{Service} {Operation} attempt {Attempt} failed ({Outcome}); retrying in {Delay}")]
    private static partial void Retrying(ILogger logger, string service, string operation, int attempt, string outcome, TimeSpan delay);
}
