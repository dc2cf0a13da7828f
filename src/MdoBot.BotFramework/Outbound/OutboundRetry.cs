using System.Globalization;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace MdoBot.BotFramework.Outbound;

/// <summary>The retry steps every outgoing HTTP pipeline (connector, Graph) shares: the wait and the log line.</summary>
public static partial class OutboundRetry
{
    /// <summary>The service's <c>Retry-After</c> (if any) replaces the computed back-off: wait at least that long.</summary>
    public static ValueTask<TimeSpan?> RetryAfterDelay(RetryDelayGeneratorArguments<HttpResponseMessage> args, TimeProvider time) =>
        ValueTask.FromResult(args.Outcome.Result is { } r ? RetryAfterHeader.Wait(r.Headers.RetryAfter, time.GetUtcNow()) : null);

    /// <summary>Logs one retry of <paramref name="service"/>'s call: operation, attempt, status or error type, delay — never content.</summary>
    public static ValueTask LogRetry(ILogger logger, string service, OnRetryArguments<HttpResponseMessage> args)
    {
        var outcome = args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture)
            : args.Outcome.Exception?.GetType().Name ?? "unknown";
        Retrying(logger, service, args.Context.OperationKey ?? "call", args.AttemptNumber + 1, outcome, args.RetryDelay);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "{Service} {Operation} attempt {Attempt} failed ({Outcome}); retrying in {Delay}")]
    private static partial void Retrying(ILogger logger, string service, string operation, int attempt, string outcome, TimeSpan delay);
}
